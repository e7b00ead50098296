// The subcommands. To add one, write src/cli/<name>-command.ts exporting a Command and list it here.
import { EXIT_USAGE, type Command } from './io.js';
import { deleteCommand } from './delete-command.js';
import { historyCommand } from './history-command.js';
import { planCommand } from './plan-command.js';
import { rollbackCommand } from './rollback-command.js';
import { syncCommand } from './sync-command.js';

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

export const COMMANDS: Command[] = [
  planCommand,
  syncCommand,
  notYetAvailable('diff', 'show what a sync would change in the cluster'),
  deleteCommand,
  historyCommand,
  rollbackCommand,
];
