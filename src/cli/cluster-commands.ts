// The commands that need a cluster, in one module so commands.ts can load them together when run.
export { deleteCommand } from './delete-command.js';
export { diffCommand } from './diff-command.js';
export { historyCommand } from './history-command.js';
export { rollbackCommand } from './rollback-command.js';
export { syncCommand } from './sync-command.js';
