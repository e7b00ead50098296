// Runs one step (SEMANTICS 3): BeforeHookCreation deletes, applies in runs of one kind, then the
// gate: every hook completed and every resource Healthy. Watch-driven; a one-second tick only
// re-checks fail-fast thresholds, which pass with time rather than with events.
import type { ClusterPort } from '../cluster/port.js';
import type { ObjectRef } from '../model/object-ref.js';
import { waitGone } from '../cluster/wait.js';
import type { K8sObject } from '../manifests/types.js';
import type { Step, Task } from '../plan/types.js';
import { applyTask } from './apply-task.js';
import { mapLimit } from './concurrency.js';
import type { EventBus, FailureReason, TaskFailure, TaskState } from './events.js';
import { HookLogs } from './hook-logs.js';
import { ObjectFeed } from './object-feed.js';
import { DEFAULT_CONCURRENCY, type EngineOptions } from './options.js';
import { hasPods } from './pods.js';
import { TaskTracker, verdictFor, type Verdict } from './task-tracker.js';
import { describeApiError } from './validate.js';

export interface RunContext {
  cluster: ClusterPort;
  bus: EventBus;
  feed: ObjectFeed;
  opts: EngineOptions;
  now: () => number;
  /** User cancellation. */
  cancel: AbortSignal;
  /** Absolute time (ms) when the current budget ends. */
  deadline: number;
  /** Live name of each task (generateName hooks are named once per sync). */
  liveName: (t: Task) => string;
  appliedAnything: boolean;
  /** Log streams of hooks that finished but may still print; stopped when the sync ends. */
  lingeringLogs: HookLogs[];
}

export interface StepOutcome {
  state: 'Succeeded' | 'Failed' | 'Cancelled';
  reason: FailureReason | null;
}

const HOOK_LOG_SETTLE_MS = 5_000;
const TICK_MS = 1_000;
const EVENTS_REFRESH_MS = 5_000;

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

export class StepRunner {
  private readonly trackers: TaskTracker[];
  private failed: FailureReason | null = null;
  private wake: () => void = () => {};
  private readonly podEvents = new Map<string, { at: number; events: K8sObject[] }>();

  constructor(
    private readonly ctx: RunContext,
    private readonly step: Step,
  ) {
    this.trackers = step.tasks.map((t) => new TaskTracker(t, ctx.liveName(t)));
  }

  async run(): Promise<StepOutcome> {
    const { ctx } = this;
    const stopFeed = ctx.feed.onChange((e) => this.onWatchEvent(e.type, e.object));
    const tick = setInterval(() => this.evaluateAll(), TICK_MS);
    try {
      await this.startWatches();
      await this.deleteBeforeCreation();
      await this.applyAll();
      await this.gate();
    } finally {
      clearInterval(tick);
      stopFeed();
    }
    if (ctx.cancel.aborted && !this.failed) return { state: 'Cancelled', reason: 'Cancelled' };
    if (this.failed) return { state: 'Failed', reason: this.failed };
    return { state: 'Succeeded', reason: null };
  }

  // --- watches -------------------------------------------------------------------------------

  private async startWatches(): Promise<void> {
    const seen = new Set<string>();
    const wants: [string, string, string | null][] = [];
    for (const t of this.step.tasks) {
      const k = `${t.apiVersion}/${t.kind}/${t.namespace ?? ''}`;
      if (!seen.has(k)) wants.push([t.apiVersion, t.kind, t.namespace]), seen.add(k);
      const pk = `v1/Pod/${t.namespace ?? ''}`;
      if (hasPods(t) && t.namespace && !seen.has(pk)) wants.push(['v1', 'Pod', t.namespace]), seen.add(pk);
      const rk = `apps/v1/ReplicaSet/${t.namespace ?? ''}`;
      if (t.kind === 'Deployment' && t.namespace && !seen.has(rk)) wants.push(['apps/v1', 'ReplicaSet', t.namespace]), seen.add(rk);
    }
    await Promise.all(wants.map(([a, k, n]) => this.ctx.feed.ensure(a, k, n)));
  }

  private onWatchEvent(type: string, obj: K8sObject): void {
    // A pod or ReplicaSet change can change a workload's verdict (fail fast, current revision).
    if (obj.kind === 'Pod' || obj.kind === 'ReplicaSet') this.evaluateAll();
    for (const t of this.trackers) {
      if (t.done || t.finishing || !t.applied || obj.metadata.name !== t.liveName || obj.kind !== t.task.kind) continue;
      if ((obj.metadata.namespace ?? null) !== t.task.namespace) continue;
      if (type === 'DELETED' && obj.metadata.uid === t.uid && !t.deletedByUs) this.conclude(t, verdictFor(t, this.verdictInput(undefined)));
      else if (t.owns(obj)) this.evaluate(t, obj);
    }
  }

  // --- BeforeHookCreation --------------------------------------------------------------------

  private async deleteBeforeCreation(): Promise<void> {
    const hooks = this.trackers.filter((t) => t.task.hook && t.task.deletePolicies.includes('BeforeHookCreation'));
    await Promise.all(
      hooks.map(async (t) => {
        const ref = this.refOf(t);
        const live = this.ctx.feed.latest(t.key) ?? (await this.ctx.cluster.get(ref));
        if (!live) return;
        this.ctx.bus.emit({ type: 'hook-deleted', at: this.ctx.now(), taskId: t.task.id, liveName: t.liveName, why: 'BeforeHookCreation' });
        try {
          await this.ctx.cluster.delete(ref, 'Foreground');
          await waitGone(this.ctx.cluster, ref, { signal: this.ctx.cancel, timeoutMs: Math.max(0, this.ctx.deadline - this.ctx.now()) });
        } catch (err) {
          if (this.ctx.cancel.aborted) this.finish(t, 'Cancelled', 'cancelled while deleting the previous hook');
          else this.fail(t, 'Apply', `could not delete the previous ${t.task.kind} ${t.liveName} (BeforeHookCreation): ${describeApiError(err)}`);
        }
      }),
    );
  }

  // --- apply ---------------------------------------------------------------------------------

  private async applyAll(): Promise<void> {
    const byTask = new Map(this.trackers.map((t) => [t.task.id, t]));
    for (const run of kindRuns(this.step.tasks)) {
      if (this.failed || this.ctx.cancel.aborted || this.ctx.now() >= this.ctx.deadline) break;
      await mapLimit(run, this.ctx.opts.concurrency ?? DEFAULT_CONCURRENCY, (task) => this.applyOne(byTask.get(task.id)!));
      if (run.some((t) => t.kind === 'CustomResourceDefinition')) this.ctx.cluster.invalidateDiscovery();
    }
    for (const t of this.trackers) if (!t.applied && !t.done) this.finish(t, 'Cancelled', 'not applied: an earlier task of this step failed or the sync stopped');
  }

  private async applyOne(t: TaskTracker): Promise<void> {
    const { ctx } = this;
    if (this.failed || ctx.cancel.aborted || t.done) return;
    t.state = 'Applying';
    ctx.bus.emit({ type: 'task-started', at: ctx.now(), taskId: t.task.id, task: t.task, liveName: t.liveName });
    try {
      const prior = ctx.feed.latest(t.key) ?? null;
      const { live, action } = await applyTask(ctx.cluster, t.task, t.liveName, prior, ctx.cancel);
      ctx.appliedAnything = true;
      t.uid = (live.metadata.uid as string) ?? null;
      t.minGeneration = Number(live.metadata.generation ?? 0);
      t.state = t.task.hook ? 'Running' : 'Applied';
      ctx.feed.remember(live);
      ctx.bus.emit({ type: 'task-applied', at: ctx.now(), taskId: t.task.id, action, liveName: t.liveName });
      if (t.task.hook && hasPods(t.task) && t.task.namespace) {
        t.logs = new HookLogs(ctx.cluster, t.task.namespace, (pod, line) =>
          ctx.bus.emit({ type: 'hook-log', at: ctx.now(), taskId: t.task.id, hookName: t.liveName, pod, line }),
        );
      }
      this.evaluate(t, ctx.feed.latest(t.key) ?? live);
    } catch (err) {
      this.fail(t, 'Apply', `apply failed: ${describeApiError(err)}`);
    }
  }

  // --- gate ----------------------------------------------------------------------------------

  private verdictInput(obj: K8sObject | undefined) {
    const ns = obj?.metadata.namespace;
    return {
      obj,
      pods: ns ? this.ctx.feed.all('', 'Pod', ns) : [],
      replicaSets: ns ? this.ctx.feed.all('apps', 'ReplicaSet', ns) : [],
      events: ns ? (this.podEvents.get(ns)?.events ?? []) : [],
      now: this.ctx.now(),
      failFastAfterMs: this.ctx.opts.failFastAfterMs,
      rules: this.ctx.opts.healthRules,
    };
  }

  private evaluateAll(): void {
    for (const t of this.trackers) {
      if (t.done || t.finishing || !t.applied) continue;
      const obj = this.ctx.feed.latest(t.key);
      if (obj && t.owns(obj)) this.evaluate(t, obj);
    }
  }

  private evaluate(t: TaskTracker, obj: K8sObject): void {
    if (t.done || t.finishing) return;
    const input = this.verdictInput(obj);
    if (t.logs) t.logs.observe(input.pods.filter((p) => ((p.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === t.uid) || p.metadata.uid === t.uid));
    this.conclude(t, verdictFor(t, input));
  }

  private conclude(t: TaskTracker, v: Verdict): void {
    if (t.health !== v.health || t.message !== v.message) {
      t.health = v.health;
      t.message = v.message;
      this.ctx.bus.emit({ type: 'task-health', at: this.ctx.now(), taskId: t.task.id, health: v.health, message: v.message });
    }
    if (v.kind === 'succeeded') {
      if (v.health === 'Suspended') this.ctx.bus.emit({ type: 'warning', at: this.ctx.now(), message: `${t.task.kind} ${t.liveName} is Suspended: ${v.message}`, source: t.task.source });
      void this.complete(t, 'Succeeded', v.message);
    } else if (v.kind === 'failed') {
      void this.complete(t, 'Failed', v.message, v.reason);
    }
  }

  /** Finish a task after its logs are collected, then apply the hook's delete policy. */
  private async complete(t: TaskTracker, state: 'Succeeded' | 'Failed', message: string, reason?: FailureReason): Promise<void> {
    if (t.finishing || t.done) return;
    t.finishing = true;
    if (state === 'Failed') this.failed ??= reason ?? 'Apply';
    try {
      const policy = state === 'Succeeded' ? 'HookSucceeded' : 'HookFailed';
      const deleting = t.task.hook && t.task.deletePolicies.includes(policy);
      // The last lines matter when the pod is about to go, or for a failure report. A hook that
      // succeeded and stays keeps streaming in the background, so it does not hold the gate.
      if (t.logs && (deleting || state === 'Failed')) await t.logs.settle(HOOK_LOG_SETTLE_MS);
      else if (t.logs) {
        this.ctx.lingeringLogs.push(t.logs);
        t.logs = null;
      }
      t.logs?.stop();
      if (deleting) await this.deleteHook(t, policy);
    } catch (err) {
      this.ctx.bus.emit({ type: 'warning', at: this.ctx.now(), message: `${t.liveName}: ${describeApiError(err)}`, source: t.task.source });
    } finally {
      t.finishing = false;
      if (state === 'Failed') this.fail(t, reason ?? 'Apply', message);
      else this.finish(t, 'Succeeded', message);
    }
  }

  private async deleteHook(t: TaskTracker, why: string): Promise<void> {
    t.deletedByUs = true;
    this.ctx.bus.emit({ type: 'hook-deleted', at: this.ctx.now(), taskId: t.task.id, liveName: t.liveName, why });
    await this.ctx.cluster.delete(this.refOf(t), 'Background');
  }

  private fail(t: TaskTracker, reason: FailureReason, message: string): void {
    this.failed ??= reason;
    const failure: TaskFailure = {
      taskId: t.task.id,
      phase: t.task.phase,
      wave: t.task.wave,
      kind: t.task.kind,
      namespace: t.task.namespace,
      name: t.liveName,
      source: t.task.source,
      reason,
      message,
      logTail: t.logs?.tail() ?? [],
    };
    this.finish(t, 'Failed', message, failure);
  }

  private finish(t: TaskTracker, state: TaskState, message: string, failure?: TaskFailure): void {
    if (t.done) return;
    t.state = state;
    t.logs?.stop();
    this.ctx.bus.emit({ type: 'task-finished', at: this.ctx.now(), taskId: t.task.id, state, message, failure });
    this.wake();
  }

  /**
   * Wait until every task is done. After a failure, running hooks may finish (one may be half-way
   * through a migration); resources still progressing are no longer awaited.
   */
  private async gate(): Promise<void> {
    const { ctx } = this;
    for (;;) {
      const open = this.trackers.filter((t) => !t.done);
      const waitingOn = this.failed ? open.filter((t) => t.task.hook && t.applied) : open;
      if (this.failed) for (const t of open) if (!waitingOn.includes(t) && !t.finishing) this.finish(t, 'Cancelled', `not awaited: the step failed (${t.message || 'progressing'})`);
      if (waitingOn.length === 0 && !open.some((t) => t.finishing)) return;
      if (ctx.cancel.aborted) return this.stopRunning('Cancelled', 'cancelled');
      if (ctx.now() >= ctx.deadline) return this.stopRunning('Failed', 'timeout');
      const findings = this.refreshPodEvents();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, Math.min(ctx.deadline - ctx.now(), TICK_MS * 5)));
        const onAbort = () => resolve();
        ctx.cancel.addEventListener('abort', onAbort, { once: true });
        this.wake = () => {
          clearTimeout(timer);
          ctx.cancel.removeEventListener('abort', onAbort);
          resolve();
        };
      });
      await findings;
    }
  }

  /** Events of pods that look stuck, so a fail-fast report can quote them. */
  private async refreshPodEvents(): Promise<void> {
    // Only where a container has been seen stuck: listing every Event of a namespace on every
    // gate loop would load the API server for messages nobody reads.
    const namespaces = new Set(this.trackers.filter((t) => !t.done && t.firstSeen.size > 0 && t.task.namespace).map((t) => t.task.namespace!));
    for (const ns of namespaces) {
      const cached = this.podEvents.get(ns);
      if (cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS) continue;
      this.podEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
      try {
        this.podEvents.set(ns, { at: this.ctx.now(), events: await this.ctx.cluster.list('v1', 'Event', ns) });
      } catch {
        // events only enrich a failure message
      }
    }
  }

  /** Timeout or cancellation: unfinished tasks stop; running hooks are deleted, resources stay. */
  private async stopRunning(kind: 'Failed' | 'Cancelled', why: 'timeout' | 'cancelled'): Promise<void> {
    const open = this.trackers.filter((t) => !t.done);
    await Promise.all(
      open.map(async (t) => {
        if (t.task.hook && t.applied) {
          try {
            await this.deleteHook(t, why === 'timeout' ? 'sync timed out' : 'sync cancelled');
          } catch {
            // best effort: the sync is ending either way
          }
        }
        const last = t.message ? ` (last status: ${t.message})` : '';
        if (kind === 'Failed') this.fail(t, 'Timeout', `not ${t.task.hook ? 'complete' : 'Healthy'} before the sync's timeout${last}`);
        else this.finish(t, 'Cancelled', `cancelled${last}`);
      }),
    );
    if (kind === 'Failed') this.failed ??= 'Timeout';
  }

  private refOf(t: TaskTracker): ObjectRef {
    return { apiVersion: t.task.apiVersion, kind: t.task.kind, namespace: t.task.namespace, name: t.liveName };
  }
}

