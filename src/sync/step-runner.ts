// Runs one step (SEMANTICS 3): watches, BeforeHookCreation deletes, applies in runs of one kind,
// then the gate. Each concern has its own file: step-watches, hook-lifecycle, apply-runs,
// step-crds, health-gate (with namespace-events and stop-running); each task moves only along its
// action's lifecycle (task-lifecycle.ts). Any error, expected or not, ends up on the task it
// happened to, with that task's file and line (step-tasks.ts).
import type { Step } from '../plan/types.js';
import { applyRuns } from './apply-runs.js';
import { HealthGate } from './health-gate.js';
import { deleteBeforeCreation } from './hook-lifecycle.js';
import type { RunContext, StepOutcome } from './run-context.js';
import { StepCrds } from './step-crds.js';
import { StepTasks } from './step-tasks.js';
import { startWatches } from './step-watches.js';

export async function runStep(ctx: RunContext, step: Step): Promise<StepOutcome> {
  const tasks = new StepTasks(ctx, step);
  const crds = new StepCrds(tasks.all);
  const gate = new HealthGate(ctx, tasks);
  const stopWatching = gate.watch();
  try {
    // Kinds a CRD of this step defines wait for that CRD (apply-runs.ts).
    const now = tasks.all.filter((t) => !crds.deferred(t));
    // After a kind that never got served, applyRuns applies nothing and cancels the rest.
    if (await crds.served(ctx, tasks, now)) {
      await startWatches(ctx, tasks, now);
      await deleteBeforeCreation(ctx, tasks, now);
    }
    await applyRuns(ctx, tasks, crds, (t, obj) => gate.evaluate(t, obj));
    await gate.wait();
  } catch (err) {
    tasks.failUnexpected(err);
  } finally {
    stopWatching();
  }
  if (ctx.cancel.aborted && !tasks.failed) return { state: 'Cancelled', reason: 'Cancelled' };
  if (tasks.failed) return { state: 'Failed', reason: tasks.failed };
  return { state: 'Succeeded', reason: null };
}
