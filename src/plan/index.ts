// The planner's public surface.
export { buildPlan, type PlanOptions, type PlanResult } from './build-plan.js';
export { compareTasks } from './sort-key.js';
export { hookName } from './hook-name.js';
export { KIND_ORDER, kindRank } from './kind-order.js';
export { taskId } from './task-id.js';
export * from './types.js';
