// The I/O of the hook action (SEMANTICS 4): BeforeHookCreation deletes before a hook is created,
// following its logs while it runs, handing it to the sync-end delete policies (hook-cleanup.ts)
// when it finishes, and deleting it when the sync is cancelled or times out while it runs.
import type { K8sObject } from '../manifests/types.js';
import { waitGone } from '../cluster/wait.js';
import { HookLogs } from './hook-logs.js';
import { hasPods } from './pods.js';
import type { RunContext } from './run-context.js';
import type { StepTasks } from './step-tasks.js';
import type { TaskTracker } from './task-tracker.js';
import { describeApiError } from './validate.js';

/** BeforeHookCreation: the previous hook of that name goes, and is gone, before this one is created. */
export async function deleteBeforeCreation(ctx: RunContext, tasks: StepTasks, trackers: TaskTracker[]): Promise<void> {
  tasks.stage = 'BeforeHookCreation';
  const hooks = trackers.filter((t) => !t.done && t.action === 'hook' && t.task.deletePolicies.includes('BeforeHookCreation'));
  await Promise.all(
    hooks.map(async (t) => {
      const ref = t.ref;
      try {
        const live = ctx.feed.latest(t.key) ?? (await ctx.cluster.get(ref));
        if (!live) return;
        ctx.bus.emit({ type: 'hook-deleted', at: ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why: 'BeforeHookCreation' });
        await ctx.cluster.delete(ref, 'Foreground');
        await waitGone(ctx.cluster, ref, { signal: ctx.cancel, timeoutMs: Math.max(0, ctx.deadline - ctx.now()) });
      } catch (err) {
        if (ctx.cancel.aborted) tasks.finish(t, 'Cancelled', 'cancelled while deleting the previous hook');
        else tasks.fail(t, 'Apply', `could not delete the previous ${t.task.kind} ${t.liveName} (BeforeHookCreation): ${describeApiError(err)}`);
      }
    }),
  );
}

/** A hook just created that runs pods: follow their container logs. */
export function followLogs(ctx: RunContext, t: TaskTracker): void {
  if (t.action !== 'hook' || !hasPods(t.task) || !t.task.namespace) return;
  t.logs = new HookLogs(ctx.cluster, t.task.namespace, (pod, line) =>
    ctx.bus.emit({ type: 'hook-log', at: ctx.now(), taskId: t.task.id, hookName: t.liveName, pod, line }),
  );
}

/** Start streams for the hook's own pods (owned by it, or the hook itself). */
export function observeHookPods(t: TaskTracker, pods: K8sObject[]): void {
  t.logs?.observe(pods.filter((p) => ((p.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === t.uid) || p.metadata.uid === t.uid));
}

/**
 * A hook finished (its failed logs already settled): a hook that succeeded keeps streaming in the
 * background until the sync ends, so it does not hold the gate; delete policies act at sync end.
 */
export function handOverHook(ctx: RunContext, t: TaskTracker, state: 'Succeeded' | 'Failed'): void {
  let streaming: HookLogs | null = null;
  if (t.logs && state !== 'Failed') {
    streaming = t.logs;
    ctx.lingeringLogs.push(t.logs);
    t.logs = null;
  }
  t.logs?.stop();
  ctx.hookCleanup.add(t.task, t.liveName, state, streaming);
}

/** Cancellation or timeout while the hook runs: it is deleted (resources stay). */
export async function deleteRunningHook(ctx: RunContext, t: TaskTracker, why: string): Promise<void> {
  t.deletedByUs = true;
  ctx.bus.emit({ type: 'hook-deleted', at: ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why });
  await ctx.cluster.delete(t.ref, 'Background');
}
