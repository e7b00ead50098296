// Tearing an app down (SEMANTICS 5): every inventory member deleted in reverse order, the highest
// wave first and, inside a wave, kinds in the reverse of the apply order (workloads before their
// ConfigMaps, Namespaces last). The steps are reported in the Sync phase, each task with action
// "deleted". Delete=false on the live object keeps it. Pure.
import type { K8sObject } from '../manifests/types.js';
import { kindRank } from './kind-order.js';
import { liveTask } from './prune-plan.js';
import { compareBytes } from './sort-key.js';
import type { Step, Task } from './types.js';

export interface DeleteTask extends Task {
  action: 'delete';
  /** Delete=false on the live object: kept, reported. */
  keep: boolean;
}

export const KEEP_ON_DELETE = 'kept: Delete=false on the live object';

export function isDeleteTask(t: Task): t is DeleteTask {
  return (t as Partial<DeleteTask>).action === 'delete';
}

export function planDelete(members: K8sObject[]): Step[] {
  const tasks: DeleteTask[] = members.map((o) => {
    const base = liveTask(o, 'delete');
    return { ...base, action: 'delete', keep: base.syncOptions.includes('Delete=false') };
  });
  tasks.sort(
    (a, b) =>
      b.wave - a.wave ||
      kindRank(b.kind) - kindRank(a.kind) ||
      compareBytes(a.kind, b.kind) ||
      compareBytes(a.namespace ?? '', b.namespace ?? '') ||
      compareBytes(a.name ?? '', b.name ?? ''),
  );
  const steps: Step[] = [];
  for (const t of tasks) {
    const last = steps.at(-1);
    if (last && last.wave === t.wave) last.tasks.push(t);
    else steps.push({ phase: 'Sync', wave: t.wave, tasks: [t] });
  }
  return steps;
}

/** Consecutive tasks of one kind: deleted together, each run awaited before the next. */
export function kindRunsOf(tasks: Task[]): Task[][] {
  const runs: Task[][] = [];
  for (const t of tasks) {
    const last = runs.at(-1);
    if (last && last[0].kind === t.kind && last[0].group === t.group) last.push(t);
    else runs.push([t]);
  }
  return runs;
}
