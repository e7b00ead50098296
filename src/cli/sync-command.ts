// wavesync sync: deploy the manifests to a cluster, phase by phase and wave by wave, gating on health.
import path from 'node:path';
import { formatProblem } from '../model/problems.js';
import { DURATION_ACCEPTED, parseDuration } from '../model/duration.js';
import type { ReporterFactory } from '../pipeline/options.js';
import { runSyncPipeline } from '../pipeline/sync.js';
import { serverHost } from '../report/format.js';
import { syncResultToJson } from '../report/result-json.js';
import { describeFlags, UsageError, type FlagSpecs } from './args.js';
import { parseCommandArgs, resolveApp } from './command-input.js';
import { EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';
import { summaryFileReporter } from './summary-file.js';
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
  'health-checks': { type: 'string', valueName: 'FILE', description: 'YAML file of health rules per apiVersion/kind (CEL or Argo CD Lua), or an argocd-cm ConfigMap' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
  summary: { type: 'string', valueName: 'FILE', description: 'also write the job summary (Markdown, as a GitHub Actions run shows it) to FILE' },
};

export const SYNC_USAGE = `Usage: wavesync sync --manifests PATH [--manifests PATH ...] [--kubeconfig FILE] [--context NAME]
         [--namespace NS] [--app NAME] [--revision REV] [--timeout 10m] [--wave-delay 0s]
         [--dry-run] [--create-namespace] [--health-checks FILE] [--output text|json] [--summary FILE]

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

  const json = args.strings.output?.[0] === 'json';
  const summaryFile = args.strings.summary?.[0];
  const { problems, result } = await runSyncPipeline(
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
    },
    {
      reporter: both(
        cliReporter(new SyncView(json ? io.stderr : io.stdout, !json && Boolean(process.stdout.isTTY) && !io.env.CI)),
        summaryFile ? summaryFileReporter(path.resolve(io.cwd, summaryFile), (m) => io.stderr(`wavesync: ${m}\n`)) : null,
      ),
      onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling: no new task starts, running hooks are deleted\n`),
      onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
    },
  );
  if (problems.length > 0 || !result) {
    io.stderr(problems.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }
  if (json) io.stdout(JSON.stringify(syncResultToJson(result, serverHost(result.server)), null, 2) + '\n');
  if (result.result === 'Succeeded') return EXIT_OK;
  if (result.result === 'Cancelled') return EXIT_CANCELLED;
  return result.reason === 'Validation' ? EXIT_USAGE : EXIT_FAILED;
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
