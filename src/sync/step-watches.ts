// The watches a step's tasks need: one per (kind, namespace), plus the pods and ReplicaSets that
// health and fail fast read. A watch that cannot start fails the first unfinished task of its kind.
import type { StepTasks } from './step-tasks.js';
import type { RunContext } from './run-context.js';
import type { TaskTracker } from './task-tracker.js';
import { hasPods } from './pods.js';
import { describeApiError } from './validate.js';

interface Want {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  for: TaskTracker[];
}

export async function startWatches(ctx: RunContext, tasks: StepTasks, trackers: TaskTracker[]): Promise<void> {
  tasks.stage = 'watch';
  const wants = new Map<string, Want>();
  const want = (apiVersion: string, kind: string, namespace: string | null, t: TaskTracker) => {
    const k = `${apiVersion}/${kind}/${namespace ?? ''}`;
    const w = wants.get(k) ?? { apiVersion, kind, namespace, for: [] };
    w.for.push(t);
    wants.set(k, w);
  };
  for (const t of trackers) {
    want(t.task.apiVersion, t.task.kind, t.task.namespace, t);
    if (hasPods(t.task) && t.task.namespace) want('v1', 'Pod', t.task.namespace, t);
    if (t.task.kind === 'Deployment' && t.task.namespace) want('apps/v1', 'ReplicaSet', t.task.namespace, t);
  }
  await Promise.all(
    [...wants.values()].map(async (w) => {
      try {
        await ctx.feed.ensure(w.apiVersion, w.kind, w.namespace);
      } catch (err) {
        const first = w.for.find((t) => !t.done);
        if (first)
          tasks.fail(first, 'Apply', `could not watch ${w.kind} (${w.apiVersion})${w.namespace ? ` in ${w.namespace}` : ''}: ${describeApiError(err)}`);
      }
    }),
  );
}
