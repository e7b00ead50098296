// Hook delete policies that act when the sync ends (SEMANTICS 4). Hooks depend on each other (a
// chart's ServiceAccount hook is used by its hook Job of a later wave), so none is deleted the
// moment it finishes:
//   HookSucceeded: hooks that succeeded are deleted when the whole sync has succeeded, after their
//                  logs are collected; when the sync fails they stay, for inspection.
//   HookFailed:    hooks that failed are deleted once the sync has finished (after SyncFail).
import type { ClusterPort } from '../cluster/port.js';
import type { Task } from '../plan/types.js';
import type { EventBus, SyncOutcome } from './events.js';
import type { HookLogs } from './hook-logs.js';
import { describeApiError } from './validate.js';

/** How long a hook's log streams may take to deliver their last lines before it is deleted. */
export const HOOK_LOG_SETTLE_MS = 5_000;

interface FinishedHook {
  task: Task;
  liveName: string;
  outcome: 'Succeeded' | 'Failed';
  /** Streams still open (a hook that succeeded keeps printing until the sync ends). */
  logs: HookLogs | null;
}

export class HookCleanup {
  private readonly hooks: FinishedHook[] = [];

  /** Remember a finished hook whose delete policy matches how it finished. */
  add(task: Task, liveName: string, outcome: 'Succeeded' | 'Failed', logs: HookLogs | null): void {
    const policy = outcome === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
    if (task.hook && task.deletePolicies.includes(policy)) this.hooks.push({ task, liveName, outcome, logs });
  }

  /** The hooks this sync's outcome deletes: succeeded ones only when the sync succeeded. */
  due(result: SyncOutcome): FinishedHook[] {
    return this.hooks.filter((h) => h.outcome === 'Failed' || result === 'Succeeded');
  }

  async run(cluster: ClusterPort, bus: EventBus, result: SyncOutcome, now: () => number): Promise<void> {
    const due = this.due(result);
    await Promise.all(due.map((h) => h.logs?.settle(HOOK_LOG_SETTLE_MS)));
    for (const h of due) {
      h.logs?.stop();
      const why = h.outcome === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
      try {
        await cluster.delete({ apiVersion: h.task.apiVersion, kind: h.task.kind, namespace: h.task.namespace, name: h.liveName }, 'Background');
        bus.emit({ type: 'hook-deleted', at: now(), taskId: h.task.id, kind: h.task.kind, liveName: h.liveName, why });
      } catch (err) {
        bus.emit({
          type: 'warning',
          at: now(),
          message: `could not delete hook ${h.task.kind} ${h.liveName} (${why}): ${describeApiError(err)}`,
          source: h.task.source,
        });
      }
    }
  }
}
