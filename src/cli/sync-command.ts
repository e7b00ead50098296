// wavesync sync: deploy the manifests to a cluster, phase by phase and wave by wave, gating on health.
import { createKubeCluster } from '../cluster/kube/adapter.js';
import { KubeconfigError, loadKubeConfig } from '../cluster/kubeconfig.js';
import { formatProblem } from '../model/problems.js';
import { DURATION_ACCEPTED, parseDuration } from '../model/duration.js';
import { runEngine } from '../sync/engine.js';
import { EventBus } from '../sync/events.js';
import { loadHealthRules, preparePlan } from '../source/prepare.js';
import { syncResultToJson } from '../sync/result-json.js';
import { cancelOnSignals } from '../sync/signals.js';
import { describeFlags, UsageError, type FlagSpecs } from './args.js';
import { parseCommandArgs, resolveApp } from './command-input.js';
import { EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { SyncView } from './sync-view.js';

const FLAGS: FlagSpecs = {
  manifests: { type: 'string', multiple: true, valueName: 'PATH', description: 'file, directory or glob of manifests' },
  kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
  namespace: { type: 'string', valueName: 'NS', description: 'namespace for namespaced objects without one (default: default)' },
  app: { type: 'string', valueName: 'NAME', description: 'app name (default: the repository directory name)' },
  revision: { type: 'string', valueName: 'REV', description: 'revision being deployed (names generateName hooks)' },
  timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the whole sync (default: 10m)' },
  'wave-delay': { type: 'string', valueName: 'DURATION', description: 'pause after each gate opens (default: 0s)' },
  'fail-fast-after': { type: 'string', valueName: 'DURATION', description: 'fail a workload whose pod is stuck in ImagePullBackOff, CrashLoopBackOff... this long (default: 60s)' },
  'dry-run': { type: 'boolean', description: 'validate and dry-run server-side only; change nothing' },
  'create-namespace': { type: 'boolean', description: 'create the namespace first when missing' },
  'health-checks': { type: 'string', valueName: 'FILE', description: 'YAML file of CEL health rules per apiVersion/kind' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};

export const SYNC_USAGE = `Usage: wavesync sync --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--timeout 10m] [--wave-delay 0s]
         [--dry-run] [--create-namespace] [--health-checks FILE] [--output text|json]

Validates everything and dry-runs it server-side, then runs PreSync hooks, applies the sync waves
in order gating each on health, runs PostSync hooks, or SyncFail hooks when anything fails.
Exit codes: 0 succeeded, 1 sync failed, 2 invalid input (nothing applied), 130 cancelled.

${describeFlags(FLAGS)}
`;

function duration(args: Record<string, string[]>, name: string, fallback: string): number {
  const raw = args[name]?.[0] ?? fallback;
  const seconds = parseDuration(raw);
  if (seconds === null) throw new UsageError(`--${name}: "${raw}" is not a duration; ${DURATION_ACCEPTED}`);
  return Math.round(seconds * 1000);
}

async function runSync(argv: string[], io: CliIo): Promise<number> {
  let timeoutMs = 0;
  let waveDelayMs = 0;
  let failFastAfterMs = 0;
  const args = parseCommandArgs('sync', argv, FLAGS, SYNC_USAGE, io, (a) => {
    timeoutMs = duration(a.strings, 'timeout', '10m');
    waveDelayMs = duration(a.strings, 'wave-delay', '0s');
    failFastAfterMs = duration(a.strings, 'fail-fast-after', '60s');
  });
  if (typeof args === 'number') return args;
  const where = resolveApp('sync', args, io);
  if (typeof where === 'number') return where;
  const { root, app } = where;
  const { plan, errors } = preparePlan({
    manifests: args.strings.manifests,
    root,
    cwd: io.cwd,
    app,
    namespace: args.strings.namespace?.[0] ?? 'default',
    revision: args.strings.revision?.[0] ?? null,
  });
  const health = loadHealthRules({ file: args.strings['health-checks']?.[0] });
  const problems = [...errors, ...health.errors];
  if (problems.length > 0) {
    io.stderr(problems.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }

  let cluster;
  try {
    const kc = loadKubeConfig({ path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env });
    cluster = createKubeCluster(kc);
  } catch (err) {
    if (!(err instanceof KubeconfigError)) throw err;
    io.stderr(`wavesync sync: ${err.message}\n`);
    return EXIT_USAGE;
  }

  const json = args.strings.output?.[0] === 'json';
  const bus = new EventBus();
  const view = new SyncView(json ? io.stderr : io.stdout, !json && Boolean(process.stdout.isTTY) && !io.env.CI);
  bus.on(view.listener);
  const cancel = cancelOnSignals((name) => io.stderr(`wavesync: ${name} received, cancelling: no new task starts, running hooks are deleted\n`));
  try {
    const result = await runEngine({
      cluster,
      plan,
      bus,
      mode: args.booleans['dry-run'] ? 'dry-run' : 'sync',
      timeoutMs,
      waveDelayMs,
      failFastAfterMs,
      createNamespace: args.booleans['create-namespace'] ?? false,
      healthRules: health.rules,
      signal: cancel.signal,
    });
    if (json) io.stdout(JSON.stringify(syncResultToJson(result), null, 2) + '\n');
    if (result.result === 'Succeeded') return EXIT_OK;
    if (result.result === 'Cancelled') return EXIT_CANCELLED;
    return result.reason === 'Validation' ? EXIT_USAGE : EXIT_FAILED;
  } finally {
    cancel.dispose();
    await cluster.close();
  }
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'apply the manifests in order, gating each wave on health',
  run: runSync,
};
