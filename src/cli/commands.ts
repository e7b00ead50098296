// The subcommands. To add one, write src/cli/<name>-command.ts exporting a Command and list it here
// (and in cluster-commands.ts when it needs a cluster).
// Commands that talk to a cluster are loaded when run, not at start: the Kubernetes client they
// bring is most of the bundle's start-up time, which `plan` and `--help` need not pay. ncc puts
// them in a chunk beside dist/cli.js (scripts/build-bundles.mjs names chunks per bundle).
import type { CliIo, Command } from './io.js';
import { planCommand } from './plan-command.js';

type ClusterCommands = typeof import('./cluster-commands.js');

/** A command whose module is imported on its first run; name and summary are known without it. */
function lazy(name: string, summary: string, pick: (m: ClusterCommands) => Command): Command {
  return {
    name,
    summary,
    run: async (argv: string[], io: CliIo) => pick(await import('./cluster-commands.js')).run(argv, io),
  };
}

export const COMMANDS: Command[] = [
  planCommand,
  lazy('sync', 'apply the manifests in order, gating each wave on health', (m) => m.syncCommand),
  lazy('diff', 'show what a sync would change in the cluster', (m) => m.diffCommand),
  lazy('delete', 'tear the app down: PreDelete hooks, delete its objects, PostDelete hooks', (m) => m.deleteCommand),
  lazy('history', "list the app's syncs and stored releases", (m) => m.historyCommand),
  lazy('rollback', 'sync a release kept in the history again', (m) => m.rollbackCommand),
];
