// The subcommands. To add one, write src/cli/<name>-command.ts exporting a Command and list it here.
import { EXIT_USAGE, type Command } from './io.js';
import { planCommand } from './plan-command.js';

function notYetAvailable(name: string, summary: string): Command {
  return {
    name,
    summary: `${summary} (not yet available)`,
    async run(_argv, io) {
      io.stderr(`wavesync ${name}: not yet available in this version; use wavesync plan\n`);
      return EXIT_USAGE;
    },
  };
}

/**
 * sync is loaded when it runs: it brings the Kubernetes client, which `plan` never needs, and
 * parsing that is most of a `plan`'s start-up (issue 13).
 */
const syncCommand: Command = {
  name: 'sync',
  summary: 'apply the manifests in order, gating each wave on health',
  run: async (argv, io) => (await import('./sync-command.js')).syncCommand.run(argv, io),
};

export const COMMANDS: Command[] = [
  planCommand,
  syncCommand,
  notYetAvailable('diff', 'show what a sync would change in the cluster'),
  notYetAvailable('delete', 'tear the app down: PreDelete hooks, delete, PostDelete hooks'),
];
