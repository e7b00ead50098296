// wavesync rollback: sync a release stored in the app's history again, exactly as it was applied
// (hooks included), without reading or rendering any manifest.
import { cliHolder } from '../pipeline/lock-holder.js';
import { runSyncPipeline } from '../pipeline/sync.js';
import { describeFlags, type FlagSpecs } from './args.js';
import { lifecycleInput } from './lifecycle-input.js';
import type { CliIo, Command } from './io.js';
import { runOutcome } from './run-outcome.js';

const FLAGS: FlagSpecs = {
  app: { type: 'string', valueName: 'NAME', description: 'app (default: the repository directory name)' },
  namespace: { type: 'string', valueName: 'NS', description: "the app's namespace (default: default)" },
  to: { type: 'string', valueName: 'REVISION', description: 'release (v3) or revision to return to (default: the one before the newest)' },
  kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
  timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the sync (default: 10m)' },
  'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for a running sync of the app (default: 5m)' },
  prune: { type: 'boolean', description: 'prune what the release does not have' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};

export const ROLLBACK_USAGE = `Usage: wavesync rollback --app NAME [--namespace NS] [--to REVISION] [--kubeconfig FILE] [--context NAME]
         [--timeout 10m] [--lock-timeout 5m] [--prune] [--output text|json]

Syncs a successful release kept in the app's history (wavesync history) again, hooks included.
Exit codes: 0 rolled back, 1 the sync failed, 2 invalid input or no such release, 130 cancelled.

${describeFlags(FLAGS)}
`;

async function runRollback(argv: string[], io: CliIo): Promise<number> {
  const input = lifecycleInput('rollback', argv, FLAGS, ROLLBACK_USAGE, io);
  if (typeof input === 'number') return input;
  const { args, where, timeoutMs, lockTimeoutMs, json, view } = input;
  const run = await runSyncPipeline(
    {
      manifests: [],
      root: where.root,
      cwd: io.cwd,
      app: where.app,
      namespace: args.strings.namespace?.[0] ?? 'default',
      revision: null,
      mode: 'sync',
      cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync rollback' },
      timeoutMs,
      waveDelayMs: 0,
      failFastAfterMs: 60_000,
      createNamespace: false,
      healthChecks: {},
      lifecycle: {
        prune: args.booleans.prune ?? false,
        confirmPrune: false,
        forceAdopt: false,
        holder: cliHolder(),
        lockTimeoutMs,
        retries: 0,
        retryBackoffMs: 0,
        rollbackOnFailure: false,
        historyLimit: 10,
      },
      rollback: { to: args.strings.to?.[0] },
    },
    {
      reporter: (bus) => {
        bus.on(view.listener);
        return { finish: async () => {} };
      },
      onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling\n`),
      onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
      onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    },
  );
  return runOutcome(io, json, run);
}

export const rollbackCommand: Command = { name: 'rollback', summary: 'sync a release kept in the history again', run: runRollback };
