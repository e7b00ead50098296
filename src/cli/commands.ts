// The subcommands. To add one, write src/cli/<name>-command.ts exporting a Command and list it here.
import type { Command } from './io.js';
import { deleteCommand } from './delete-command.js';
import { diffCommand } from './diff-command.js';
import { historyCommand } from './history-command.js';
import { planCommand } from './plan-command.js';
import { rollbackCommand } from './rollback-command.js';
import { syncCommand } from './sync-command.js';

export const COMMANDS: Command[] = [planCommand, syncCommand, diffCommand, deleteCommand, historyCommand, rollbackCommand];
