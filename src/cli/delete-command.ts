// wavesync delete: tear an app down from its inventory (PreDelete hooks, every member deleted in
// reverse order, PostDelete hooks, then the inventory), e.g. a pull request's preview environment.
import { runDeletePipeline } from '../pipeline/delete.js';
import { cliHolder } from '../pipeline/lock-holder.js';
import { describeFlags, type FlagSpecs } from './args.js';
import { lifecycleInput } from './lifecycle-input.js';
import type { CliIo, Command } from './io.js';
import { runOutcome } from './run-outcome.js';

const FLAGS: FlagSpecs = {
  app: { type: 'string', valueName: 'NAME', description: 'app to delete (default: the repository directory name)' },
  namespace: { type: 'string', valueName: 'NS', description: "the app's namespace, where its inventory and lock live (default: default)" },
  manifests: {
    type: 'string',
    multiple: true,
    valueName: 'PATH',
    description: 'manifests whose PreDelete/PostDelete hooks run (optional; without them no hook runs)',
  },
  kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
  timeout: { type: 'string', valueName: 'DURATION', description: 'budget for the whole deletion (default: 10m)' },
  'lock-timeout': { type: 'string', valueName: 'DURATION', description: 'wait this long for a running sync of the app to finish (default: 5m)' },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};

export const DELETE_USAGE = `Usage: wavesync delete --app NAME [--namespace NS] [--manifests PATH ...] [--kubeconfig FILE]
         [--context NAME] [--timeout 10m] [--lock-timeout 5m] [--output text|json]

Runs the PreDelete hooks of the manifests (if given; a failure stops with nothing deleted), deletes
every object of the app's inventory (highest wave first) and waits until each is gone, runs the
PostDelete hooks, then deletes the inventory. Objects with sync-options Delete=false are kept.
Exit codes: 0 deleted, 1 failed (a failing PreDelete hook, the lock not obtained), 2 invalid input, 130 cancelled.

${describeFlags(FLAGS)}
`;

async function runDelete(argv: string[], io: CliIo): Promise<number> {
  const input = lifecycleInput('delete', argv, FLAGS, DELETE_USAGE, io);
  if (typeof input === 'number') return input;
  const { args, where, timeoutMs, lockTimeoutMs, json, view } = input;
  const run = await runDeletePipeline(
    {
      manifests: args.strings.manifests ?? [],
      root: where.root,
      cwd: io.cwd,
      app: where.app,
      namespace: args.strings.namespace?.[0] ?? 'default',
      revision: null,
      cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync delete' },
      timeoutMs,
      holder: cliHolder(),
      lockTimeoutMs,
    },
    {
      reporter: (bus) => {
        bus.on(view.listener);
        return { finish: async () => {} };
      },
      onSignal: (name) => io.stderr(`wavesync: ${name} received, cancelling: nothing more is deleted\n`),
      onReleaseFailure: (message) => io.stderr(`wavesync: ${message}\n`),
      onNotice: (message) => io.stderr(`wavesync: ${message}\n`),
    },
  );
  return runOutcome(io, json, run);
}

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'tear the app down: PreDelete hooks, delete its objects, PostDelete hooks',
  run: runDelete,
};
