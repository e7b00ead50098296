// The sync engine: an explicit state machine over the plan's steps.
//   Validating → Syncing → [SyncFail] → Finished (a dry run and a refusal go Validating → Finished)
// Each step runs to its gate before the next starts; a failure stops new steps and, when anything
// was applied, runs the SyncFail steps with their own budget. Cancellation stops everything and
// skips SyncFail.
import type { Step, Task } from '../plan/types.js';
import { hookName } from '../plan/hook-name.js';
import { sleep } from '../model/sleep.js';
import type { FailureReason, SyncOutcome, SyncResult } from './events.js';
import { ObjectFeed } from './object-feed.js';
import type { HookLogs } from './hook-logs.js';
import { HookCleanup } from './hook-cleanup.js';
import { SYNC_FAIL_TIMEOUT_CAP_MS, type EngineOptions } from './options.js';
import { ResultBuilder } from './result-builder.js';
import type { RunContext, StepOutcome } from './run-context.js';
import { runStepWithPrunes } from './prune-step.js';
import { ensureNamespace, validateAgainstCluster, type ValidatedPlan } from './validate.js';
import { plannedChange } from './dry-run-changes.js';
import { formatProblem } from '../model/problems.js';
import { objectLabel } from '../model/object-ref.js';
import { InventoryStage, type PreparedInventory } from './inventory-stage.js';
import { withPruneTasks } from '../plan/prune-plan.js';
import { describeApiError } from './validate.js';
import { isUnreachable } from '../cluster/port.js';

export type EngineState = 'Validating' | 'Syncing' | 'SyncFail' | 'Finished';

/** The only moves the engine may make; anything else is a bug, not a user error. */
const TRANSITIONS: Record<EngineState, EngineState[]> = {
  Validating: ['Syncing', 'Finished'],
  Syncing: ['SyncFail', 'Finished'],
  SyncFail: ['Finished'],
  Finished: [],
};

export async function runEngine(opts: EngineOptions): Promise<SyncResult> {
  const now = opts.now ?? Date.now;
  const cancel = opts.signal ?? new AbortController().signal;
  const builder = new ResultBuilder();
  const off = opts.bus.on(builder.listener);
  const started = now();
  const syncUnix = Math.floor(started / 1000);
  const feed = new ObjectFeed(opts.cluster);
  const lingeringLogs: HookLogs[] = [];
  const hookCleanup = new HookCleanup();
  let state: EngineState = 'Validating';
  const enter = (next: EngineState) => {
    if (!TRANSITIONS[state].includes(next)) throw new Error(`engine: ${state} → ${next} is not a valid transition`);
    state = next;
  };

  const finish = async (result: SyncOutcome, reason: FailureReason | null, message: string): Promise<SyncResult> => {
    enter('Finished');
    // Delete policies act now that the sync is over (SEMANTICS 4); a cleanup error is a warning.
    await hookCleanup
      .run(opts.cluster, opts.bus, result, now)
      .catch((err) => opts.bus.emit({ type: 'warning', at: now(), message: `hook cleanup stopped: ${err instanceof Error ? err.message : String(err)}` }));
    for (const l of lingeringLogs) l.stop();
    if (stage && syncing)
      await stage
        .writeAfter(result)
        .catch((err) => opts.bus.emit({ type: 'warning', at: now(), message: `the inventory could not be updated after the sync: ${describeApiError(err)}` }));
    const r = builder.build(result, reason, message, now());
    opts.bus.emit({ type: 'sync-finished', at: r.finishedAt, result: r });
    return r;
  };

  // The inventory is read first (reads only), so the prune tasks are part of the reported plan.
  let inventory: PreparedInventory | null = null;
  let inventoryProblem: string | null = null;
  let unreachable: unknown = null;
  if (opts.inventory) {
    try {
      inventory = await InventoryStage.prepare(opts.cluster, opts.plan, opts.inventory);
    } catch (err) {
      // An unreachable server ends the run once, as validation does (below), not as bad input.
      if (isUnreachable(err)) unreachable = err;
      else inventoryProblem = `the inventory (Secret ${opts.plan.namespace}/wavesync-${opts.plan.app}) could not be read: ${describeApiError(err)}`;
    }
  }
  const stage = inventory?.stage ?? null;
  let syncing = false;
  opts.bus.emit({ type: 'sync-started', at: started, plan: inventory?.plan ?? opts.plan, mode: opts.mode, server: opts.cluster.serverHost() });
  try {
    if (unreachable) throw unreachable;
    if (inventoryProblem) {
      opts.bus.emit({ type: 'validation-failed', at: now(), errors: [{ source: null, message: inventoryProblem }] });
      return await finish('Failed', 'Validation', inventoryProblem);
    }
    for (const message of inventory?.adopted ?? []) opts.bus.emit({ type: 'warning', at: now(), message });
    const wouldPrune = stage?.pruneTasks.filter((t) => t.keep === 'prune-off') ?? [];
    if (wouldPrune.length)
      opts.bus.emit({
        type: 'warning',
        at: now(),
        message: `would prune ${wouldPrune.length} object(s) no longer in the manifests (prune is off): ${wouldPrune.map((t) => objectLabel(t)).join(', ')}`,
      });
    if (inventory?.refusals.length) {
      for (const f of inventory.refusals)
        opts.bus.emit({ type: 'task-finished', at: now(), taskId: f.taskId, state: 'Failed', message: f.message, failure: f });
      return await finish(
        'Failed',
        'Adoption',
        `${inventory.refusals.length} object(s) belong to another app; nothing was applied:\n${inventory.refusals.map((f) => formatProblem(f)).join('\n')}`,
      );
    }
    // Validating: nothing in the cluster changes unless create-namespace asks for the namespace.
    if (opts.createNamespace && opts.mode !== 'dry-run') {
      if (await ensureNamespace(opts.cluster, opts.plan.namespace))
        opts.bus.emit({ type: 'info', at: now(), message: `created namespace ${opts.plan.namespace}` });
    }
    const validated = await validateAgainstCluster(opts.cluster, inventory?.applyPlan ?? opts.plan, {
      signal: cancel,
      checkAccess: opts.mode === 'sync',
      pruning: stage?.pruneTasks.filter((t) => t.keep === null) ?? [],
      // A dry run does not create the namespace: objects in it cannot be dry-run, they would be created.
      createsNamespaces: opts.createNamespace && opts.mode === 'dry-run' ? [opts.plan.namespace] : [],
    });
    if (validated.errors.length) {
      opts.bus.emit({ type: 'validation-failed', at: now(), errors: validated.errors });
      return await finish(
        'Failed',
        'Validation',
        `${validated.errors.length} error(s) before anything was applied:\n${validated.errors.map(formatProblem).join('\n')}`,
      );
    }
    if (cancel.aborted) return await finish('Cancelled', 'Cancelled', 'cancelled before anything was applied');
    if (opts.mode === 'dry-run') {
      for (const t of stage?.pruneTasks ?? [])
        opts.bus.emit({ type: 'task-finished', at: now(), taskId: t.id, state: 'Skipped', message: stage!.keepMessage(t) ?? 'would be pruned' });
      const counts = await reportPlannedChanges(opts, validated, now);
      return await finish('Succeeded', null, `dry run: every object passed validation and the server-side dry run; ${counts}`);
    }

    // Only the dry-run report and the diff read the dry-run answers; a sync lets them go.
    validated.dryRuns.clear();
    const plan = withPruneTasks(validated.plan, stage?.pruneTasks ?? []);
    const names = new Map<string, string>();
    const liveName = (t: Task) => {
      if (t.name) return t.name;
      const key = `${t.phase}/${t.generateName}`;
      if (!names.has(key)) names.set(key, hookName(t.generateName ?? 'hook-', plan.revision, t.phase, syncUnix));
      return names.get(key)!;
    };
    const ctx: RunContext = {
      cluster: opts.cluster,
      bus: opts.bus,
      feed,
      opts,
      now,
      cancel,
      deadline: started + opts.timeoutMs,
      liveName,
      appliedAnything: false,
      lingeringLogs,
      hookCleanup,
      inventory: stage,
    };

    // New kinds and namespaces are in the parent before anything is applied.
    if (stage) await stage.writeBefore();
    syncing = true;
    enter('Syncing');
    const main = await runSteps(ctx, plan.steps);
    if (main.state === 'Succeeded') return await finish('Succeeded', null, `synced ${countTasks(plan.steps)} task(s) in ${plan.steps.length} step(s)`);
    if (main.state === 'Cancelled')
      return await finish('Cancelled', 'Cancelled', 'cancelled: no new task was started, running hooks were deleted, applied resources stay');

    const failMessage = describeFailure(builder, main);
    if (ctx.appliedAnything && plan.syncFail.length > 0) {
      enter('SyncFail');
      const budget = opts.syncFailTimeoutMs ?? Math.min(opts.timeoutMs, SYNC_FAIL_TIMEOUT_CAP_MS);
      opts.bus.emit({ type: 'info', at: now(), message: `running ${countTasks(plan.syncFail)} SyncFail hook(s)` });
      await runSteps({ ...ctx, deadline: now() + budget }, plan.syncFail);
    }
    return await finish('Failed', main.reason, failMessage);
  } catch (err) {
    if ((state as EngineState) === 'Finished') throw err;
    return await finish('Failed', 'Apply', `the sync stopped on an unexpected error (${state}): ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    off();
    await feed.close();
  }
}

export async function runSteps(ctx: RunContext, steps: Step[]): Promise<StepOutcome & { failedStep: Step | null }> {
  for (const [index, step] of steps.entries()) {
    if (ctx.cancel.aborted) return { state: 'Cancelled', reason: 'Cancelled', failedStep: step };
    ctx.bus.emit({ type: 'step-started', at: ctx.now(), phase: step.phase, wave: step.wave, index });
    const outcome = await runStepWithPrunes(ctx, step);
    ctx.bus.emit({ type: 'step-finished', at: ctx.now(), phase: step.phase, wave: step.wave, index, state: outcome.state });
    if (outcome.state !== 'Succeeded') return { ...outcome, failedStep: step };
    if (index < steps.length - 1 && ctx.opts.waveDelayMs > 0) await sleep(ctx.opts.waveDelayMs, ctx.cancel);
  }
  return { state: 'Succeeded', reason: null, failedStep: null };
}

/** For --dry-run: what each task would do to the cluster, as events. */
async function reportPlannedChanges(opts: EngineOptions, validated: ValidatedPlan, now: () => number): Promise<string> {
  const tally = { create: 0, update: 0, unchanged: 0 };
  for (const step of validated.plan.steps)
    for (const t of step.tasks) {
      const live = t.name ? await opts.cluster.get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name }) : null;
      const { change, fields } = t.hook ? { change: 'create' as const, fields: [] } : plannedChange(live, validated.dryRuns.get(t.id) ?? null);
      tally[change]++;
      opts.bus.emit({ type: 'planned-change', at: now(), taskId: t.id, task: t, change, fields });
    }
  return `${tally.create} to create, ${tally.update} to change, ${tally.unchanged} unchanged`;
}

function countTasks(steps: Step[]): number {
  return steps.reduce((n, s) => n + s.tasks.length, 0);
}

function describeFailure(builder: ResultBuilder, main: StepOutcome & { failedStep: Step | null }): string {
  const f = builder.firstFailure();
  const where = main.failedStep ? `${main.failedStep.phase} wave ${main.failedStep.wave}` : 'the sync';
  if (!f) return `${where} failed (${main.reason ?? 'unknown reason'})`;
  return `${where} failed: ${f.kind} ${f.namespace ? f.namespace + '/' : ''}${f.name} (${f.source.file}:${f.source.line}): ${f.message}`;
}
