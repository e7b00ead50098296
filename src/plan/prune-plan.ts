// Which inventory members leave the cluster, and where in the plan (SEMANTICS 6): members no
// longer in the manifests, pruned in the Sync phase with their waves mirrored (the highest wave of
// the live objects goes first, as Argo CD swaps prune waves), each wave's prunes before that
// step's applies; PruneLast=true ones in a step of their own after the last one. Pure.
import { ARGO_SYNC_OPTIONS, ARGO_SYNC_WAVE, splitList } from '../manifests/annotation-keys.js';
import { parseWave } from '../manifests/sync-wave.js';
import type { K8sObject } from '../manifests/types.js';
import { groupOf } from '../manifests/types.js';
import { LIVE_SOURCE } from '../model/live-source.js';
import type { Plan, Step, Task } from './types.js';

export interface PruneOptions {
  /** prune: true / --prune. */
  prune: boolean;
  /** prune-confirm: true / --confirm-prune: Prune=confirm objects may go. */
  confirm: boolean;
}

/** Why a member that left the manifests stays; null: it is pruned. */
export type KeepReason = 'Prune=false' | 'Prune=confirm' | 'prune-off' | null;

export interface PruneTask extends Task {
  action: 'prune';
  keep: KeepReason;
}

export const KEEP_MESSAGES: Record<Exclude<KeepReason, null>, string> = {
  'Prune=false': 'kept: Prune=false on the live object (no longer in the manifests)',
  'Prune=confirm': 'kept: Prune=confirm on the live object and the run did not confirm (prune-confirm: true, --confirm-prune)',
  'prune-off': 'would prune: no longer in the manifests (prune is off)',
};

const key = (group: string, kind: string, ns: string | null, name: string | null) => `${group}/${kind}/${ns ?? ''}/${name ?? ''}`;

export function isPruneTask(t: Task): t is PruneTask {
  return (t as Partial<PruneTask>).action === 'prune';
}

/** The plan with a prune task for every member that left the manifests. */
export function planPrune(plan: Plan, members: K8sObject[], opts: PruneOptions): { plan: Plan; tasks: PruneTask[] } {
  const wanted = new Set(
    [...plan.steps, ...plan.syncFail, ...plan.preDelete, ...plan.postDelete].flatMap((s) => s.tasks).map((t) => key(t.group, t.kind, t.namespace, t.name)),
  );
  const gone = members
    .filter((o) => !wanted.has(key(groupOf(o.apiVersion), o.kind, o.metadata.namespace ?? null, o.metadata.name ?? null)))
    .sort((a, b) =>
      key(groupOf(a.apiVersion), a.kind, a.metadata.namespace ?? null, a.metadata.name ?? null).localeCompare(
        key(groupOf(b.apiVersion), b.kind, b.metadata.namespace ?? null, b.metadata.name ?? null),
      ),
    );
  if (gone.length === 0) return { plan, tasks: [] };

  const tasks = gone.map((o) => pruneTask(o, opts));
  const last = tasks.filter((t) => t.syncOptions.includes('PruneLast=true'));
  mirrorWaves(tasks.filter((t) => !last.includes(t)));
  const syncWaves = [...plan.steps.filter((s) => s.phase === 'Sync').map((s) => s.wave), ...tasks.filter((t) => !last.includes(t)).map((t) => t.wave)];
  const lastWave = (syncWaves.length ? Math.max(...syncWaves) : 0) + 1;
  for (const t of last) t.wave = lastWave;
  return { plan: withPruneTasks(plan, tasks), tasks };
}

/** The plan with these prune tasks placed (the engine places them again into the validated plan). */
export function withPruneTasks(plan: Plan, tasks: PruneTask[]): Plan {
  return tasks.length ? { ...plan, steps: insertIntoSteps(plan.steps, tasks) } : plan;
}

/** A task for a live object (no manifest): its wave and sync options read from its annotations. */
export function liveTask(o: K8sObject, idPrefix: string): Task {
  const ann = o.metadata.annotations ?? {};
  const group = groupOf(o.apiVersion);
  return {
    id: `${idPrefix}/${key(group, o.kind, o.metadata.namespace ?? null, o.metadata.name ?? null)}`,
    phase: 'Sync',
    wave: parseWave(String(ann[ARGO_SYNC_WAVE] ?? '0')) ?? 0,
    apiVersion: o.apiVersion,
    kind: o.kind,
    group,
    name: o.metadata.name ?? null,
    generateName: null,
    namespace: o.metadata.namespace ?? null,
    hook: false,
    deletePolicies: [],
    syncOptions: ann[ARGO_SYNC_OPTIONS] ? splitList(String(ann[ARGO_SYNC_OPTIONS])) : [],
    source: LIVE_SOURCE,
    object: o,
  };
}

function pruneTask(o: K8sObject, opts: PruneOptions): PruneTask {
  const base = liveTask(o, 'prune');
  const syncOptions = base.syncOptions;
  const keep: KeepReason = syncOptions.includes('Prune=false')
    ? 'Prune=false'
    : !opts.prune
      ? 'prune-off'
      : syncOptions.includes('Prune=confirm') && !opts.confirm
        ? 'Prune=confirm'
        : null;
  return { ...base, action: 'prune', keep };
}

/** Argo CD's symmetric swap: the lowest prune wave takes the highest's place and so on inwards. */
function mirrorWaves(tasks: PruneTask[]): void {
  const waves = [...new Set(tasks.map((t) => t.wave))].sort((a, b) => a - b);
  const mirror = new Map(waves.map((w, i) => [w, waves[waves.length - 1 - i]]));
  for (const t of tasks) t.wave = mirror.get(t.wave)!;
}

/** Prune tasks go first in the Sync step of their wave; a wave without one gets a step of its own. */
function insertIntoSteps(steps: Step[], tasks: PruneTask[]): Step[] {
  const out = steps.map((s) => ({ ...s, tasks: [...s.tasks] }));
  const byWave = new Map<number, PruneTask[]>();
  for (const t of tasks) byWave.set(t.wave, [...(byWave.get(t.wave) ?? []), t]);
  for (const [wave, group] of [...byWave].sort((a, b) => a[0] - b[0])) {
    const existing = out.find((s) => s.phase === 'Sync' && s.wave === wave);
    if (existing) {
      existing.tasks = [...group, ...existing.tasks];
      continue;
    }
    // Before the first later Sync step, else before PostSync, else at the end.
    const at = out.findIndex((s) => (s.phase === 'Sync' && s.wave > wave) || s.phase === 'PostSync');
    out.splice(at < 0 ? out.length : at, 0, { phase: 'Sync', wave, tasks: group });
  }
  return out;
}
