// One Sync step with prunes (SEMANTICS 6): the members of its wave that left the manifests are
// deleted and awaited first, then the step's applies and gate run (step-runner.ts). A prune that
// fails fails the step before anything of it is applied.
import { isPruneTask } from '../plan/prune-plan.js';
import type { Step } from '../plan/types.js';
import { runRemovals } from './remove-task.js';
import type { RunContext, StepOutcome } from './run-context.js';
import { runStep } from './step-runner.js';

export async function runStepWithPrunes(ctx: RunContext, step: Step): Promise<StepOutcome> {
  const stage = ctx.inventory;
  // The parent could not be written before the applies when the manifests create its namespace.
  if (stage && !stage.written) await stage.writeBefore();
  const prunes = step.tasks.filter(isPruneTask);
  if (prunes.length > 0 && stage) {
    const items = prunes.map((task) => ({ task, keepMessage: stage.keepMessage(task), action: 'pruned' as const }));
    const failed = await runRemovals(ctx, items, () => (ctx.appliedAnything = true));
    if (failed) return { state: 'Failed', reason: failed };
    if (ctx.cancel.aborted) return { state: 'Cancelled', reason: 'Cancelled' };
  }
  const rest = prunes.length ? { ...step, tasks: step.tasks.filter((t) => !isPruneTask(t)) } : step;
  if (rest.tasks.length === 0) return { state: 'Succeeded', reason: null };
  return runStep(ctx, rest);
}
