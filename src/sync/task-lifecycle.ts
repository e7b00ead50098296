// What a task does (its action) and the only moves its state may make, one table per action, as
// the engine's own states have (engine.ts). A move outside its table is a bug and throws.
// Prune and delete join as new actions, each with its own table and its own file of I/O.
import type { Task } from '../plan/types.js';
import type { TaskState } from './events.js';

export type TaskAction = 'apply' | 'hook';

type Table = Partial<Record<TaskState, readonly TaskState[]>>;

/** A move not listed here (including any move out of a final state) is illegal. */
export const LIFECYCLES: Record<TaskAction, Table> = {
  // A plain resource: applied, then Healthy (Succeeded) or not.
  apply: {
    Pending: ['Applying', 'Failed', 'Cancelled'],
    Applying: ['Applied', 'Failed', 'Cancelled'],
    Applied: ['Succeeded', 'Failed', 'Cancelled'],
  },
  // A hook: created, then it runs to completion (Succeeded) or not.
  hook: {
    Pending: ['Applying', 'Failed', 'Cancelled'],
    Applying: ['Running', 'Failed', 'Cancelled'],
    Running: ['Succeeded', 'Failed', 'Cancelled'],
  },
};

export function actionOf(task: Pick<Task, 'hook'>): TaskAction {
  return task.hook ? 'hook' : 'apply';
}

/** A state with no move out: Succeeded, Failed, Cancelled. */
export function isFinal(action: TaskAction, state: TaskState): boolean {
  return !LIFECYCLES[action][state]?.length;
}

/** Throws when `from → to` is not in the action's table. */
export function checkTransition(action: TaskAction, from: TaskState, to: TaskState, what: string): void {
  if (!(LIFECYCLES[action][from] ?? []).includes(to)) throw new Error(`task ${what} (${action}): ${from} → ${to} is not a valid transition`);
}
