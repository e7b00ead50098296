// Delete mode (SEMANTICS 5): an explicit state machine like the sync engine's.
//   Validating → PreDelete → Deleting → PostDelete → Finished
// PreDelete hooks (from the manifests, when given) run first and a failure stops everything with
// nothing deleted; then every inventory member is deleted in reverse order and awaited; then
// PostDelete hooks; then the inventory itself. With no manifests it works from the inventory alone.
import { deleteInventory, listMembers, readInventory } from '../cluster/inventory/inventory.js';
import { hookName } from '../plan/hook-name.js';
import { isDeleteTask, kindRunsOf, KEEP_ON_DELETE } from '../plan/delete-plan.js';
import { planDelete } from '../plan/delete-plan.js';
import type { Plan, Step, Task } from '../plan/types.js';
import { isUnreachable } from '../cluster/port.js';
import { formatProblem } from '../model/problems.js';
import { runSteps } from './engine.js';
import type { FailureReason, SyncOutcome, SyncResult } from './events.js';
import { HookCleanup } from './hook-cleanup.js';
import type { HookLogs } from './hook-logs.js';
import { ObjectFeed } from './object-feed.js';
import type { EngineOptions } from './options.js';
import { runRemovals } from './remove-task.js';
import { ResultBuilder } from './result-builder.js';
import type { RunContext, StepOutcome } from './run-context.js';
import { describeApiError, validateAgainstCluster } from './validate.js';

export type DeleteState = 'Validating' | 'PreDelete' | 'Deleting' | 'PostDelete' | 'Finished';

const TRANSITIONS: Record<DeleteState, DeleteState[]> = {
  Validating: ['PreDelete', 'Finished'],
  PreDelete: ['Deleting', 'Finished'],
  Deleting: ['PostDelete', 'Finished'],
  PostDelete: ['Finished'],
  Finished: [],
};

export interface DeleteEngineOptions extends Omit<EngineOptions, 'mode' | 'createNamespace' | 'inventory' | 'waveDelayMs' | 'failFastAfterMs'> {
  /** Whether manifests were given (hooks can run); the plan holds their PreDelete/PostDelete steps. */
  withManifests: boolean;
  failFastAfterMs?: number;
  /** Called once the members are gone (the pipeline deletes the release history there). */
  afterDelete?: () => Promise<void>;
}

export async function runDeleteEngine(opts: DeleteEngineOptions): Promise<SyncResult> {
  const now = opts.now ?? Date.now;
  const cancel = opts.signal ?? new AbortController().signal;
  const builder = new ResultBuilder();
  const off = opts.bus.on(builder.listener);
  const started = now();
  const feed = new ObjectFeed(opts.cluster);
  const hookCleanup = new HookCleanup();
  const lingeringLogs: HookLogs[] = [];
  let state: DeleteState = 'Validating';
  const enter = (next: DeleteState) => {
    if (!TRANSITIONS[state].includes(next)) throw new Error(`delete: ${state} → ${next} is not a valid transition`);
    state = next;
  };
  const finish = async (result: SyncOutcome, reason: FailureReason | null, message: string): Promise<SyncResult> => {
    enter('Finished');
    await hookCleanup.run(opts.cluster, opts.bus, result, now).catch(() => {});
    for (const l of lingeringLogs) l.stop();
    const r = builder.build(result, reason, message, now());
    opts.bus.emit({ type: 'sync-finished', at: r.finishedAt, result: r });
    return r;
  };

  const inventory = await readInventory(opts.cluster, opts.plan.app, opts.plan.namespace).catch((err: unknown) => err as Error);
  const members = inventory instanceof Error || !inventory.exists ? [] : await listMembers(opts.cluster, inventory).catch(() => []);
  const plan: Plan = { ...opts.plan, steps: planDelete(members), syncFail: [] };
  opts.bus.emit({ type: 'sync-started', at: started, plan, mode: 'delete', server: opts.cluster.serverHost() });
  try {
    if (inventory instanceof Error && isUnreachable(inventory)) throw inventory;
    if (inventory instanceof Error) {
      const message = `the inventory (Secret ${plan.namespace}/wavesync-${plan.app}) could not be read: ${describeApiError(inventory)}`;
      opts.bus.emit({ type: 'validation-failed', at: now(), errors: [{ source: null, message }] });
      return await finish('Failed', 'Validation', message);
    }
    if (!opts.withManifests)
      opts.bus.emit({ type: 'info', at: now(), message: 'no manifests given: deleting from the inventory alone, so no PreDelete or PostDelete hook can run' });
    if (!inventory.exists)
      opts.bus.emit({ type: 'info', at: now(), message: `app ${plan.app} has no inventory in namespace ${plan.namespace}: nothing to delete` });
    const hooks: Plan = { ...plan, steps: [], syncFail: [] };
    const validated = hooks.preDelete.length + hooks.postDelete.length > 0 ? await validateAgainstCluster(opts.cluster, hooks, { signal: cancel }) : null;
    if (validated?.errors.length) {
      opts.bus.emit({ type: 'validation-failed', at: now(), errors: validated.errors });
      return await finish(
        'Failed',
        'Validation',
        `${validated.errors.length} error(s) before anything was deleted:\n${validated.errors.map(formatProblem).join('\n')}`,
      );
    }
    const ctx = runContext(opts, { feed, hookCleanup, lingeringLogs, cancel, now, started, plan });

    enter('PreDelete');
    const pre = await runSteps(ctx, validated?.plan.preDelete ?? []);
    if (pre.state !== 'Succeeded')
      return await finish(pre.state === 'Cancelled' ? 'Cancelled' : 'Failed', pre.reason, `PreDelete failed: nothing was deleted${failureText(builder)}`);

    enter('Deleting');
    const del = await deleteSteps(ctx, plan.steps, validated?.plan.preDelete.length ?? 0);
    if (del.state !== 'Succeeded')
      return await finish(del.state === 'Cancelled' ? 'Cancelled' : 'Failed', del.reason, `deleting the members failed${failureText(builder)}`);

    enter('PostDelete');
    const post = await runSteps(ctx, validated?.plan.postDelete ?? []);
    if (post.state !== 'Succeeded')
      return await finish(
        post.state === 'Cancelled' ? 'Cancelled' : 'Failed',
        post.reason,
        `PostDelete failed after every member was deleted${failureText(builder)}`,
      );

    await opts.afterDelete?.();
    const kept = plan.steps.flatMap((s) => s.tasks).filter((t) => isDeleteTask(t) && t.keep);
    if (inventory.exists && kept.length === 0) await deleteInventory(opts.cluster, inventory);
    const count = members.length - kept.length;
    return await finish(
      'Succeeded',
      null,
      `deleted ${count} object(s)${kept.length ? `; kept ${kept.length} (Delete=false), and the inventory with them` : ' and the inventory'}`,
    );
  } catch (err) {
    if ((state as DeleteState) === 'Finished') throw err;
    return await finish('Failed', 'Apply', `the deletion stopped on an unexpected error (${state}): ${describeApiError(err)}`);
  } finally {
    off();
    await feed.close();
  }
}

function failureText(builder: ResultBuilder): string {
  const f = builder.firstFailure();
  return f ? `: ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}: ${f.message}` : '';
}

/** The deletion steps, each kind run awaited before the next; Delete=false members are kept. */
async function deleteSteps(ctx: RunContext, steps: Step[], firstIndex: number): Promise<StepOutcome> {
  for (const [i, step] of steps.entries()) {
    if (ctx.cancel.aborted) return { state: 'Cancelled', reason: 'Cancelled' };
    ctx.bus.emit({ type: 'step-started', at: ctx.now(), phase: step.phase, wave: step.wave, index: firstIndex + i });
    let failed: FailureReason | null = null;
    for (const run of kindRunsOf(step.tasks)) {
      const items = run.filter(isDeleteTask).map((task) => ({ task, keepMessage: task.keep ? KEEP_ON_DELETE : null, action: 'deleted' as const }));
      failed = await runRemovals(ctx, items, () => {});
      if (failed) break;
    }
    const state = failed ? 'Failed' : ctx.cancel.aborted ? 'Cancelled' : 'Succeeded';
    ctx.bus.emit({ type: 'step-finished', at: ctx.now(), phase: step.phase, wave: step.wave, index: firstIndex + i, state });
    if (state !== 'Succeeded') return { state, reason: failed ?? 'Cancelled' };
  }
  return { state: 'Succeeded', reason: null };
}

function runContext(
  opts: DeleteEngineOptions,
  r: { feed: ObjectFeed; hookCleanup: HookCleanup; lingeringLogs: HookLogs[]; cancel: AbortSignal; now: () => number; started: number; plan: Plan },
): RunContext {
  const names = new Map<string, string>();
  const unix = Math.floor(r.started / 1000);
  return {
    cluster: opts.cluster,
    bus: opts.bus,
    feed: r.feed,
    opts: { ...opts, mode: 'delete', createNamespace: false, waveDelayMs: 0, failFastAfterMs: opts.failFastAfterMs ?? 60_000 },
    now: r.now,
    cancel: r.cancel,
    deadline: r.started + opts.timeoutMs,
    liveName: (t: Task) => {
      if (t.name) return t.name;
      const key = `${t.phase}/${t.generateName}`;
      if (!names.has(key)) names.set(key, hookName(t.generateName ?? 'hook-', r.plan.revision, t.phase, unix));
      return names.get(key)!;
    },
    appliedAnything: false,
    lingeringLogs: r.lingeringLogs,
    hookCleanup: r.hookCleanup,
  };
}
