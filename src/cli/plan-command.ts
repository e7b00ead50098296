// wavesync plan: load the manifests and print what a sync would do, in order. No cluster needed.
import { formatProblem } from '../model/problems.js';
import { runPlanPipeline } from '../pipeline/plan.js';
import { describeFlags, type FlagSpecs } from './args.js';
import { parseCommandArgs, resolveApp } from './command-input.js';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { planToJson, planToText } from '../report/plan-format.js';
import { checkSourceArgs, SOURCE_FLAGS, SOURCE_USAGE, sourceFromArgs } from './source-flags.js';

const FLAGS: FlagSpecs = {
  manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
  namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
  app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
  revision: { type: 'string', valueName: 'SHA', description: 'revision being deployed' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
  ...SOURCE_FLAGS,
};

export const PLAN_USAGE = `Usage: wavesync plan --manifests PATH [--manifests PATH ...] [--namespace NS] [--app NAME] [--revision SHA] [--output text|json]
         ${SOURCE_USAGE}

Prints the ordered plan (phases, waves, tasks) without touching a cluster.
Exit codes: 0 plan printed, 2 invalid manifests or usage (errors on stderr as file:line: message).

${describeFlags(FLAGS)}
`;

async function runPlan(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('plan', argv, FLAGS, PLAN_USAGE, io, checkSourceArgs);
  if (typeof args === 'number') return args;
  const where = resolveApp('plan', args, io);
  if (typeof where === 'number') return where;

  const { plan, problems } = await runPlanPipeline({
    manifests: args.strings.manifests,
    root: where.root,
    cwd: io.cwd,
    app: where.app,
    namespace: args.strings.namespace?.[0] ?? 'default',
    revision: args.strings.revision?.[0] ?? null,
    ...sourceFromArgs(args, io),
  });
  if (problems.length > 0) {
    io.stderr(problems.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }
  if (args.strings.output?.[0] === 'json') io.stdout(JSON.stringify(planToJson(plan), null, 2) + '\n');
  else io.stdout(planToText(plan));
  return EXIT_OK;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'print the ordered plan of a sync (no cluster needed)',
  run: runPlan,
};
