// The prune and delete task actions (SEMANTICS 5, 6): a live object is deleted (foreground, so
// what it owns goes first) and awaited until gone, or kept and reported (Skipped) with the reason.
// Each task moves only along its action's table (task-lifecycle.ts): Pending → Applying →
// Succeeded | Failed | Cancelled, or Pending → Skipped | Cancelled.
import { waitGone, WaitTimeoutError } from '../cluster/wait.js';
import type { ClusterPort } from '../cluster/port.js';
import type { Task } from '../plan/types.js';
import { mapLimit } from './concurrency.js';
import type { ApplyAction, EventBus, FailureReason, TaskFailure, TaskState } from './events.js';
import { checkTransition } from './task-lifecycle.js';
import { describeApiError } from './validate.js';

export interface RemoveContext {
  cluster: ClusterPort;
  bus: EventBus;
  now: () => number;
  cancel: AbortSignal;
  deadline: number;
}

export interface RemoveTask {
  task: Task;
  /** Why it stays (reported as Skipped); null: delete it. */
  keepMessage: string | null;
  /** 'pruned' or 'deleted', as reported. */
  action: Extract<ApplyAction, 'pruned' | 'deleted'>;
}

/** Runs the removals of one step in parallel; resolves to the first failure's reason, or null. */
export async function runRemovals(ctx: RemoveContext, items: RemoveTask[], onChanged: () => void): Promise<FailureReason | null> {
  let failed: FailureReason | null = null;
  const end = (task: Task, state: 'Succeeded' | 'Failed' | 'Cancelled' | 'Skipped', message: string, reason?: FailureReason) => {
    const failure: TaskFailure | undefined = reason
      ? {
          taskId: task.id,
          phase: task.phase,
          wave: task.wave,
          kind: task.kind,
          namespace: task.namespace,
          name: task.name,
          source: task.source,
          reason,
          message,
          logTail: [],
        }
      : undefined;
    if (reason) failed ??= reason;
    ctx.bus.emit({ type: 'task-finished', at: ctx.now(), taskId: task.id, state, message, failure });
  };
  await mapLimit(items, 8, async (item) => {
    const { task, keepMessage, action } = item;
    const kind = action === 'pruned' ? 'prune' : 'delete';
    let state: TaskState = 'Pending';
    const move = (to: TaskState) => {
      checkTransition(kind, state, to, `${task.kind} ${task.name ?? ''}`);
      state = to;
    };
    const finish = (t: Task, to: 'Succeeded' | 'Failed' | 'Cancelled' | 'Skipped', message: string, reason?: FailureReason) => {
      move(to);
      end(t, to, message, reason);
    };
    if (keepMessage !== null) return finish(task, 'Skipped', keepMessage);
    if (ctx.cancel.aborted) return finish(task, 'Cancelled', 'not started: the sync was cancelled');
    const ref = { apiVersion: task.apiVersion, kind: task.kind, namespace: task.namespace, name: task.name ?? '' };
    move('Applying');
    ctx.bus.emit({ type: 'task-started', at: ctx.now(), taskId: task.id, task, liveName: ref.name });
    try {
      const live = await ctx.cluster.get(ref);
      if (live) {
        await ctx.cluster.delete(ref, 'Foreground');
        onChanged();
        ctx.bus.emit({ type: 'task-applied', at: ctx.now(), taskId: task.id, action, liveName: ref.name });
        const uid = typeof live.metadata.uid === 'string' ? live.metadata.uid : undefined;
        await waitGone(ctx.cluster, ref, { uid, signal: ctx.cancel, timeoutMs: Math.max(1, ctx.deadline - ctx.now()) });
      }
      finish(task, 'Succeeded', live ? `${action}: gone` : `already gone`);
    } catch (err) {
      if (ctx.cancel.aborted) return finish(task, 'Cancelled', 'cancelled while waiting for it to be gone');
      if (err instanceof WaitTimeoutError) return finish(task, 'Failed', `${action === 'pruned' ? 'pruning' : 'deleting'}: ${err.message}`, 'Timeout');
      finish(task, 'Failed', `could not delete it: ${describeApiError(err)}`, 'Apply');
    }
  });
  return failed;
}
