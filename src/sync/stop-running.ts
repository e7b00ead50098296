// Timeout or cancellation inside a step: every unfinished task stops (Failed with reason Timeout,
// or Cancelled), quoting its last status; hooks that run are deleted, applied resources stay.
import { deleteRunningHook } from './hook-lifecycle.js';
import type { RunContext } from './run-context.js';
import type { StepTasks } from './step-tasks.js';

export async function stopRunning(ctx: RunContext, tasks: StepTasks, kind: 'Failed' | 'Cancelled'): Promise<void> {
  await Promise.all(
    tasks.open().map(async (t) => {
      if (t.action === 'hook' && t.applied) {
        try {
          await deleteRunningHook(ctx, t, kind === 'Failed' ? 'sync timed out' : 'sync cancelled');
        } catch {
          // best effort: the sync is ending either way
        }
      }
      const last = t.message ? ` (last status: ${t.message})` : '';
      if (kind === 'Failed') tasks.fail(t, 'Timeout', `not ${t.action === 'hook' ? 'complete' : 'Healthy'} before the sync's timeout${last}`);
      else tasks.finish(t, 'Cancelled', `cancelled${last}`);
    }),
  );
  if (kind === 'Failed') tasks.failed ??= 'Timeout';
}
