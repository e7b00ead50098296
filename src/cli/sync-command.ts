// wavesync sync: deploy the manifests to a cluster, phase by phase and wave by wave, gating on health.
import path from 'node:path';
import type { ReporterFactory } from '../pipeline/options.js';
import { cliHolder } from '../pipeline/lock-holder.js';
import { runSyncPipeline } from '../pipeline/sync.js';
import { describeFlags, UsageError, type FlagSpecs } from './args.js';
import { durationFlag, parseCommandArgs, resolveApp } from './command-input.js';
import type { CliIo, Command } from './io.js';
import { summaryFileReporter } from './summary-file.js';
import { checkSourceArgs, SOURCE_FLAGS, SOURCE_USAGE, sourceFromArgs } from './source-flags.js';
import { runOutcome } from './run-outcome.js';
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
  'fail-fast-after': {
    type: 'string',
    valueName: 'DURATION',
    description: 'fail a workload whose pod is stuck in ImagePullBackOff, CrashLoopBackOff... this long (default: 60s)',
  },
  'dry-run': { type: 'boolean', description: 'validate and dry-run server-side only; change nothing' },
  'create-namespace': { type: 'boolean', description: 'create the namespace first when missing' },
  'health-checks': {
    type: 'string',
    valueName: 'FILE',
    description: 'YAML file of health rules per apiVersion/kind (CEL or Argo CD Lua), or an argocd-cm ConfigMap',
  },
  prune: { type: 'boolean', description: 'delete objects of earlier syncs that left the manifests (default: report them as "would prune")' },
  'confirm-prune': { type: 'boolean', description: 'also prune objects marked argocd.argoproj.io/sync-options: Prune=confirm' },
  'force-adopt': { type: 'boolean', description: "take over objects labelled as another app's (applyset.kubernetes.io/part-of)" },
  'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for another sync of the app to finish (default: 5m)' },
  retries: { type: 'string', valueName: 'N', description: 'try a failed sync again up to N times (default: 0)' },
  'retry-backoff': { type: 'string', valueName: 'DURATION', description: 'pause before the first retry, doubled each time, at most 3m (default: 5s)' },
  'rollback-on-failure': { type: 'boolean', description: 'after a failed sync, sync the last successful release again (reported with it)' },
  'history-limit': { type: 'string', valueName: 'N', description: 'syncs kept in the history, with their releases (default: 10)' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
  summary: { type: 'string', valueName: 'FILE', description: 'also write the job summary (Markdown, as a GitHub Actions run shows it) to FILE' },
  ...SOURCE_FLAGS,
};

export const SYNC_USAGE = `Usage: wavesync sync --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--timeout 10m] [--wave-delay 0s]
         [--dry-run] [--create-namespace] [--health-checks FILE] [--prune] [--confirm-prune]
         [--force-adopt] [--lock-timeout 5m] [--retries N] [--retry-backoff 5s]
         [--rollback-on-failure] [--history-limit 10] [--output text|json] [--summary FILE]
         ${SOURCE_USAGE}

Validates everything and dry-runs it server-side, then runs PreSync hooks, applies the sync waves
in order gating each on health, runs PostSync hooks, or SyncFail hooks when anything fails.
Objects it applies are recorded in the app's inventory (Secret wavesync-APP, an ApplySet); only one
sync of an app runs at a time (Lease wavesync-APP).
Exit codes: 0 succeeded, 1 sync failed (also: the lock was not obtained in time, an object belongs
to another app), 2 invalid input (nothing applied), 130 cancelled.

${describeFlags(FLAGS)}
`;

async function runSync(argv: string[], io: CliIo): Promise<number> {
  let timeoutMs = 0;
  let waveDelayMs = 0;
  let failFastAfterMs = 0;
  let lockTimeoutMs = 0;
  let retryBackoffMs = 0;
  let retries = 0;
  let historyLimit = 10;
  const args = parseCommandArgs('sync', argv, FLAGS, SYNC_USAGE, io, (a) => {
    timeoutMs = durationFlag(a.strings, 'timeout', '10m');
    waveDelayMs = durationFlag(a.strings, 'wave-delay', '0s');
    failFastAfterMs = durationFlag(a.strings, 'fail-fast-after', '60s');
    lockTimeoutMs = durationFlag(a.strings, 'lock-timeout', '5m');
    retryBackoffMs = durationFlag(a.strings, 'retry-backoff', '5s');
    const rawRetries = a.strings.retries?.[0] ?? '0';
    if (!/^\d+$/.test(rawRetries)) throw new UsageError(`--retries: "${rawRetries}" is not a whole number (0, 1, 2, ...)`);
    retries = Number(rawRetries);
    const rawLimit = a.strings['history-limit']?.[0] ?? '10';
    if (!/^[1-9]\d*$/.test(rawLimit)) throw new UsageError(`--history-limit: "${rawLimit}" is not a whole number of at least 1`);
    historyLimit = Number(rawLimit);
    checkSourceArgs(a);
  });
  if (typeof args === 'number') return args;
  const where = resolveApp('sync', args, io);
  if (typeof where === 'number') return where;

  const json = args.strings.output?.[0] === 'json';
  const summaryFile = args.strings.summary?.[0];
  const run = await runSyncPipeline(
    {
      manifests: args.strings.manifests,
      root: where.root,
      cwd: io.cwd,
      app: where.app,
      namespace: args.strings.namespace?.[0] ?? 'default',
      revision: args.strings.revision?.[0] ?? null,
      mode: args.booleans['dry-run'] ? 'dry-run' : 'sync',
      cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync sync' },
      timeoutMs,
      waveDelayMs,
      failFastAfterMs,
      createNamespace: args.booleans['create-namespace'] ?? false,
      healthChecks: { file: args.strings['health-checks']?.[0] },
      lifecycle: {
        prune: args.booleans.prune ?? false,
        confirmPrune: args.booleans['confirm-prune'] ?? false,
        forceAdopt: args.booleans['force-adopt'] ?? false,
        holder: cliHolder(),
        lockTimeoutMs,
        retries,
        retryBackoffMs,
        rollbackOnFailure: args.booleans['rollback-on-failure'] ?? false,
        historyLimit,
      },
      ...sourceFromArgs(args, io),
    },
    {
      reporter: both(
        cliReporter(new SyncView(json ? io.stderr : io.stdout, !json && Boolean(process.stdout.isTTY) && !io.env.CI)),
        summaryFile ? summaryFileReporter(path.resolve(io.cwd, summaryFile), (m) => io.stderr(`wavesync: ${m}\n`)) : null,
      ),
      onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling: no new task starts, running hooks are deleted\n`),
      onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
      onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    },
  );
  return runOutcome(io, json, run);
}

/** The live view listens from the sync's start; problems found before it are printed as file:line lines instead. */
function cliReporter(view: SyncView): ReporterFactory {
  return (bus) => {
    let started = false;
    bus.on((e) => {
      if (e.type === 'sync-started') started = true;
      if (started) view.listener(e);
    });
    return { finish: async () => {} };
  };
}

function both(a: ReporterFactory, b: ReporterFactory | null): ReporterFactory {
  if (!b) return a;
  return (bus, ctx) => {
    const ra = a(bus, ctx);
    const rb = b(bus, ctx);
    return { finish: async (run) => void (await Promise.all([ra.finish(run), rb.finish(run)])) };
  };
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'apply the manifests in order, gating each wave on health',
  run: runSync,
};
