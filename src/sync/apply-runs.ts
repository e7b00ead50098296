// The apply step of the apply and hook actions: a step's tasks in runs of one kind (applied in
// parallel, runs one after another), a run of a kind defined by a CRD of the step only once that
// CRD is ready. After a failure or cancellation no further run starts.
import type { K8sObject } from '../manifests/types.js';
import type { Task } from '../plan/types.js';
import { applyTask } from './apply-task.js';
import { mapLimit } from './concurrency.js';
import { deleteBeforeCreation, followLogs } from './hook-lifecycle.js';
import { DEFAULT_CONCURRENCY } from './options.js';
import type { RunContext } from './run-context.js';
import type { StepCrds } from './step-crds.js';
import type { StepTasks } from './step-tasks.js';
import { startWatches } from './step-watches.js';
import type { TaskTracker } from './task-tracker.js';
import { describeApiError } from './validate.js';

/** Consecutive tasks of the same kind: applied in parallel, runs one after another. */
export function kindRuns(tasks: Task[]): Task[][] {
  const runs: Task[][] = [];
  for (const t of tasks) {
    const last = runs.at(-1);
    if (last && last[0].kind === t.kind && last[0].group === t.group) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

/** Applies every run; `evaluate` gives the gate its first look at each applied object. */
export async function applyRuns(ctx: RunContext, tasks: StepTasks, crds: StepCrds, evaluate: (t: TaskTracker, obj: K8sObject) => void): Promise<void> {
  const byTask = new Map(tasks.all.map((t) => [t.task.id, t]));
  for (const run of kindRuns(tasks.all.map((t) => t.task))) {
    if (tasks.failed || ctx.cancel.aborted || ctx.now() >= ctx.deadline) break;
    const trackers = run.map((task) => byTask.get(task.id)!);
    if (crds.deferred(trackers[0])) {
      if (!(await crds.ready(ctx, tasks, trackers))) break;
      await startWatches(ctx, tasks, trackers);
      await deleteBeforeCreation(ctx, tasks, trackers);
      if (tasks.failed) break;
    }
    tasks.stage = 'apply';
    await mapLimit(trackers, ctx.opts.concurrency ?? DEFAULT_CONCURRENCY, (t) => applyOne(ctx, tasks, t, evaluate));
    if (run.some((t) => t.kind === 'CustomResourceDefinition')) ctx.cluster.invalidateDiscovery();
  }
  for (const t of tasks.all) if (!t.applied && !t.done) tasks.finish(t, 'Cancelled', 'not applied: an earlier task of this step failed or the sync stopped');
}

async function applyOne(ctx: RunContext, tasks: StepTasks, t: TaskTracker, evaluate: (t: TaskTracker, obj: K8sObject) => void): Promise<void> {
  if (tasks.failed || ctx.cancel.aborted || t.done) return;
  t.moveTo('Applying');
  ctx.bus.emit({ type: 'task-started', at: ctx.now(), taskId: t.task.id, task: t.task, liveName: t.liveName });
  try {
    const prior = ctx.feed.latest(t.key) ?? null;
    const { live, action } = await applyTask(ctx.cluster, t.task, t.liveName, prior, ctx.cancel);
    ctx.appliedAnything = true;
    t.uid = (live.metadata.uid as string) ?? null;
    t.minGeneration = Number(live.metadata.generation ?? 0);
    t.moveTo(t.action === 'hook' ? 'Running' : 'Applied');
    ctx.feed.remember(live);
    ctx.bus.emit({ type: 'task-applied', at: ctx.now(), taskId: t.task.id, action, liveName: t.liveName });
    followLogs(ctx, t);
    evaluate(t, ctx.feed.latest(t.key) ?? live);
  } catch (err) {
    tasks.fail(t, 'Apply', `apply failed: ${describeApiError(err)}`);
  }
}
