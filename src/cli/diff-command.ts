// wavesync diff: what a sync would change in the cluster, object by object (server-side dry run
// compared with the live objects), and the hooks it would run. Changes nothing.
import { formatProblem } from '../model/problems.js';
import { runDiffPipeline } from '../pipeline/diff.js';
import { diffToJson, diffToText } from '../report/diff-format.js';
import { describeFlags, type FlagSpecs } from './args.js';
import { parseCommandArgs, resolveApp } from './command-input.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { checkSourceArgs, SOURCE_FLAGS, SOURCE_USAGE, sourceFromArgs } from './source-flags.js';

const FLAGS: FlagSpecs = {
  manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
  kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
  namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
  app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
  revision: { type: 'string', valueName: 'REV', description: 'revision being compared' },
  'create-namespace': { type: 'boolean', description: 'compare as sync --create-namespace would: objects in a missing app namespace are new' },
  'confirm-prune': { type: 'boolean', description: 'count objects marked Prune=confirm as pruned, as sync --prune --confirm-prune does' },
  'exit-code': { type: 'boolean', description: 'exit 1 when a sync would change something (as git diff --exit-code)' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
  ...SOURCE_FLAGS,
};

export const DIFF_USAGE = `Usage: wavesync diff --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--create-namespace] [--confirm-prune] [--exit-code] [--output text|json]
         ${SOURCE_USAGE}

Dry-runs every object server-side and compares the answer with the live object: new, changed
(with a unified diff; Secret values shown as ***) or unchanged; lists what \`sync --prune\` would
delete (members of the app's inventory no longer in the manifests; Prune=false ones kept) and the
hooks a sync would run.
Exit codes: 0 done (or no changes with --exit-code), 1 changes present with --exit-code, 2 invalid input.

${describeFlags(FLAGS)}
`;

async function runDiff(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('diff', argv, FLAGS, DIFF_USAGE, io, checkSourceArgs);
  if (typeof args === 'number') return args;
  const where = resolveApp('diff', args, io);
  if (typeof where === 'number') return where;
  const { problems, diff } = await runDiffPipeline(
    {
      manifests: args.strings.manifests,
      root: where.root,
      cwd: io.cwd,
      app: where.app,
      namespace: args.strings.namespace?.[0] ?? 'default',
      revision: args.strings.revision?.[0] ?? null,
      confirmPrune: args.booleans['confirm-prune'] ?? false,
      createNamespace: args.booleans['create-namespace'] ?? false,
      cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync diff' },
      ...sourceFromArgs(args, io),
    },
    { onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`) },
  );
  if (problems.length > 0 || !diff) {
    io.stderr(problems.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }
  if (args.strings.output?.[0] === 'json') io.stdout(JSON.stringify(diffToJson(diff), null, 2) + '\n');
  else io.stdout(diffToText(diff, Boolean(process.stdout.isTTY) && !io.env.CI && !io.env.NO_COLOR));
  return args.booleans['exit-code'] && diff.changes ? EXIT_FAILED : EXIT_OK;
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'show what a sync would change in the cluster',
  run: runDiff,
};
