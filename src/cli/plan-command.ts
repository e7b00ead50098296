// wavesync plan: load the manifests and print what a sync would do, in order. No cluster needed.
import path from 'node:path';
import { loadManifests } from '../manifests/load.js';
import { sortProblems } from '../manifests/problems.js';
import { formatProblem } from '../manifests/types.js';
import { appNameProblem, defaultAppName } from '../plan/app-name.js';
import { buildPlan } from '../plan/build-plan.js';
import { describeFlags, parseArgs, UsageError, type FlagSpecs } from './args.js';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { planToJson, planToText } from './plan-format.js';
import { findRepoRoot } from './repo-root.js';

const FLAGS: FlagSpecs = {
  manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
  namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
  app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
  revision: { type: 'string', valueName: 'SHA', description: 'revision being deployed' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};

export const PLAN_USAGE = `Usage: wavesync plan --manifests PATH [--manifests PATH ...] [--namespace NS] [--app NAME] [--revision SHA] [--output text|json]

Prints the ordered plan (phases, waves, tasks) without touching a cluster.
Exit codes: 0 plan printed, 2 invalid manifests or usage (errors on stderr as file:line: message).

${describeFlags(FLAGS)}
`;

async function runPlan(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, FLAGS);
    if (args.help) {
      io.stdout(PLAN_USAGE);
      return EXIT_OK;
    }
    if (!args.strings.manifests?.length) throw new UsageError('--manifests is required');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`wavesync plan: ${err.message}\n\n${PLAN_USAGE}`);
    return EXIT_USAGE;
  }
  const root = findRepoRoot(io.cwd);
  const app = args.strings.app?.[0] ?? defaultAppName(path.basename(root));
  const appProblem = appNameProblem(app);
  if (appProblem) {
    io.stderr(`wavesync plan: --app: ${appProblem}\n`);
    return EXIT_USAGE;
  }

  const loaded = loadManifests(args.strings.manifests, { root, cwd: io.cwd });
  const { plan, errors } = buildPlan(loaded.objects, {
    app,
    namespace: args.strings.namespace?.[0] ?? 'default',
    revision: args.strings.revision?.[0] ?? null,
  });
  const allErrors = sortProblems([...loaded.errors, ...errors]);
  if (allErrors.length > 0) {
    io.stderr(allErrors.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }
  plan.warnings = sortProblems([...loaded.warnings, ...plan.warnings]);
  if (args.strings.output?.[0] === 'json') io.stdout(JSON.stringify(planToJson(plan), null, 2) + '\n');
  else io.stdout(planToText(plan));
  return EXIT_OK;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'print the ordered plan of a sync (no cluster needed)',
  run: runPlan,
};
