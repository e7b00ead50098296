// Runs one step (SEMANTICS 3): BeforeHookCreation deletes, applies in runs of one kind, then the
// gate: every hook completed and every resource Healthy. Watch-driven; a one-second tick only
// re-checks fail-fast thresholds, which pass with time rather than with events.
// Kinds defined by a CRD of this step are left alone (no watch, no get, no delete) until that CRD
// is Established and discovery serves them: a CRD and its resources may share a step.
// Any error, expected or not, ends up on the task it happened to, with that task's file and line.
import type { ClusterPort } from '../cluster/port.js';
import type { ObjectRef } from '../model/object-ref.js';
import { waitGone } from '../cluster/wait.js';
import type { K8sObject } from '../manifests/types.js';
import type { Step, Task } from '../plan/types.js';
import { applyTask } from './apply-task.js';
import { mapLimit } from './concurrency.js';
import { sleep } from '../model/sleep.js';
import { awaitEstablished, awaitServed, crdDefines, kindKey } from './crd-establish.js';
import { HOOK_LOG_SETTLE_MS, type HookCleanup } from './hook-cleanup.js';
import type { EventBus, FailureReason, TaskFailure, TaskState } from './events.js';
import { HookLogs } from './hook-logs.js';
import { ObjectFeed } from './object-feed.js';
import { DEFAULT_CONCURRENCY, type EngineOptions } from './options.js';
import { hasPods } from './pods.js';
import { TaskTracker, verdictFor, type Verdict } from './task-tracker.js';
import { describeApiError } from './validate.js';
import type { InventoryStage } from './inventory-stage.js';

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
  /** Hooks to delete when the sync ends, by their delete policies. */
  hookCleanup: HookCleanup;
  /** The app's inventory, when the sync keeps one (prune tasks run through it). */
  inventory?: InventoryStage | null;
}

export interface StepOutcome {
  state: 'Succeeded' | 'Failed' | 'Cancelled';
  reason: FailureReason | null;
}

const TICK_MS = 1_000;
const EVENTS_REFRESH_MS = 5_000;
/** A last look at Warning events before a timeout message is written, at most this long. */
const LAST_LOOK_MS = 3_000;

type Stage = 'watch' | 'BeforeHookCreation' | 'apply' | 'health';

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
  private readonly warningEvents = new Map<string, { at: number; events: K8sObject[] }>();
  /** group/kind → the CRD trackers of this step that define it. */
  private readonly crdOf = new Map<string, TaskTracker[]>();
  private stage: Stage = 'watch';

  constructor(
    private readonly ctx: RunContext,
    private readonly step: Step,
  ) {
    this.trackers = step.tasks.map((t) => new TaskTracker(t, ctx.liveName(t)));
    for (const t of this.trackers) {
      const defined = crdDefines(t.task);
      if (defined) this.crdOf.set(defined, [...(this.crdOf.get(defined) ?? []), t]);
    }
  }

  /** Is this task's kind defined by a CRD of this step (so not to be asked about yet)? */
  private deferred(t: TaskTracker): boolean {
    return this.crdOf.has(kindKey(t.task.group, t.task.kind));
  }

  async run(): Promise<StepOutcome> {
    const { ctx } = this;
    const stopFeed = ctx.feed.onChange((e) => this.onWatchEvent(e.type, e.object));
    const tick = setInterval(() => this.evaluateAll(), TICK_MS);
    try {
      const now = this.trackers.filter((t) => !this.deferred(t));
      await this.startWatches(now);
      await this.deleteBeforeCreation(now);
      await this.applyAll();
      await this.gate();
    } catch (err) {
      this.failUnexpected(err);
    } finally {
      clearInterval(tick);
      stopFeed();
    }
    if (ctx.cancel.aborted && !this.failed) return { state: 'Cancelled', reason: 'Cancelled' };
    if (this.failed) return { state: 'Failed', reason: this.failed };
    return { state: 'Succeeded', reason: null };
  }

  // --- watches -------------------------------------------------------------------------------

  /** One watch per (kind, namespace) of these tasks, plus their pods and ReplicaSets. */
  private async startWatches(trackers: TaskTracker[]): Promise<void> {
    this.stage = 'watch';
    const wants = new Map<string, { apiVersion: string; kind: string; namespace: string | null; for: TaskTracker[] }>();
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
          await this.ctx.feed.ensure(w.apiVersion, w.kind, w.namespace);
        } catch (err) {
          const first = w.for.find((t) => !t.done);
          if (first) this.fail(first, 'Apply', `could not watch ${w.kind} (${w.apiVersion})${w.namespace ? ` in ${w.namespace}` : ''}: ${describeApiError(err)}`);
        }
      }),
    );
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

  // --- CRDs of this step ----------------------------------------------------------------------

  /**
   * Before the first run of a kind that a CRD of this step defines: that CRD Established, discovery
   * refreshed and serving the kind, then the run's watches and BeforeHookCreation deletes.
   * false when the run cannot go ahead (the failure is already on the CRD or the run's task).
   */
  private async prepareCrdKind(run: TaskTracker[]): Promise<boolean> {
    const { ctx } = this;
    const first = run[0];
    for (const crd of this.crdOf.get(kindKey(first.task.group, first.task.kind)) ?? []) {
      if (!crd.applied) {
        this.fail(first, 'Apply', `not applied: its CustomResourceDefinition ${crd.liveName} was not applied`);
        return false;
      }
      const problem = await awaitEstablished({
        cluster: ctx.cluster,
        feed: ctx.feed,
        name: crd.liveName,
        feedKey: crd.key,
        now: ctx.now,
        deadline: ctx.deadline,
        signal: ctx.cancel,
        report: (message) => ctx.bus.emit({ type: 'info', at: ctx.now(), message }),
      });
      if (problem) {
        if (ctx.cancel.aborted) return false;
        this.fail(crd, /not accepted/.test(problem) ? 'Degraded' : 'Timeout', problem);
        return false;
      }
    }
    const kinds = [...new Map(run.map((t) => [`${t.task.apiVersion}/${t.task.kind}`, { apiVersion: t.task.apiVersion, kind: t.task.kind }])).values()];
    const missing = await awaitServed(ctx.cluster, kinds, { now: ctx.now, deadline: ctx.deadline, signal: ctx.cancel });
    if (missing) {
      if (ctx.cancel.aborted) return false;
      const t = run.find((x) => x.task.apiVersion === missing.apiVersion && x.task.kind === missing.kind) ?? first;
      this.fail(t, 'Apply', `kind ${missing.kind} in ${missing.apiVersion} is not served, though its CustomResourceDefinition is Established: check that the CRD has version ${missing.apiVersion.split('/').pop()} with served: true`);
      return false;
    }
    await this.startWatches(run);
    await this.deleteBeforeCreation(run);
    return !this.failed;
  }

  // --- BeforeHookCreation --------------------------------------------------------------------

  private async deleteBeforeCreation(trackers: TaskTracker[]): Promise<void> {
    this.stage = 'BeforeHookCreation';
    const hooks = trackers.filter((t) => !t.done && t.task.hook && t.task.deletePolicies.includes('BeforeHookCreation'));
    await Promise.all(
      hooks.map(async (t) => {
        const ref = this.refOf(t);
        try {
          const live = this.ctx.feed.latest(t.key) ?? (await this.ctx.cluster.get(ref));
          if (!live) return;
          this.ctx.bus.emit({ type: 'hook-deleted', at: this.ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why: 'BeforeHookCreation' });
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
      const trackers = run.map((task) => byTask.get(task.id)!);
      if (this.deferred(trackers[0]) && !(await this.prepareCrdKind(trackers))) break;
      this.stage = 'apply';
      await mapLimit(trackers, this.ctx.opts.concurrency ?? DEFAULT_CONCURRENCY, (t) => this.applyOne(t));
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
      warnings: ns ? (this.warningEvents.get(ns)?.events ?? []) : [],
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
    try {
      const input = this.verdictInput(obj);
      if (t.logs) t.logs.observe(input.pods.filter((p) => ((p.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === t.uid) || p.metadata.uid === t.uid));
      this.conclude(t, verdictFor(t, input));
    } catch (err) {
      this.fail(t, 'Apply', `health check stopped on an unexpected error: ${describeApiError(err)}`);
    }
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

  /**
   * Finish a task after its logs are collected. Delete policies act when the sync ends (hooks of
   * later waves may depend on this one): see hook-cleanup.ts.
   */
  private async complete(t: TaskTracker, state: 'Succeeded' | 'Failed', message: string, reason?: FailureReason): Promise<void> {
    if (t.finishing || t.done) return;
    t.finishing = true;
    if (state === 'Failed') this.failed ??= reason ?? 'Apply';
    try {
      // The last lines matter for a failure report. A hook that succeeded keeps streaming in the
      // background (until the sync ends, or until it is deleted), so it does not hold the gate.
      let streaming: HookLogs | null = null;
      if (t.logs && state === 'Failed') await t.logs.settle(HOOK_LOG_SETTLE_MS);
      else if (t.logs) {
        streaming = t.logs;
        this.ctx.lingeringLogs.push(t.logs);
        t.logs = null;
      }
      t.logs?.stop();
      if (t.task.hook) this.ctx.hookCleanup.add(t.task, t.liveName, state, streaming);
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
    this.ctx.bus.emit({ type: 'hook-deleted', at: this.ctx.now(), taskId: t.task.id, kind: t.task.kind, liveName: t.liveName, why });
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

  /** An error nobody expected: it goes on the first unfinished task, with its file and line. */
  private failUnexpected(err: unknown): void {
    const open = this.trackers.filter((t) => !t.done);
    const during = { watch: 'while watching', BeforeHookCreation: 'while deleting the previous hook', apply: 'while applying', health: 'while checking health' }[this.stage];
    const [first, ...rest] = open;
    if (first) this.fail(first, 'Apply', `unexpected error ${during}: ${describeApiError(err)}`);
    else this.failed ??= 'Apply';
    for (const t of rest) this.finish(t, 'Cancelled', 'not awaited: the step stopped on an unexpected error');
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
    this.stage = 'health';
    for (;;) {
      const open = this.trackers.filter((t) => !t.done);
      const waitingOn = this.failed ? open.filter((t) => t.task.hook && t.applied) : open;
      if (this.failed) for (const t of open) if (!waitingOn.includes(t) && !t.finishing) this.finish(t, 'Cancelled', `not awaited: the step failed (${t.message || 'progressing'})`);
      if (waitingOn.length === 0 && !open.some((t) => t.finishing)) return;
      if (ctx.cancel.aborted) return this.stopRunning('Cancelled', 'cancelled');
      if (ctx.now() >= ctx.deadline) {
        // The timeout message quotes the latest status: one last look at the events first.
        await sleep(LAST_LOOK_MS, AbortSignal.any([ctx.cancel, this.signalWhen(this.refreshWarnings(true))]));
        this.evaluateAll();
        return this.stopRunning('Failed', 'timeout');
      }
      const findings = Promise.all([this.refreshPodEvents(), this.refreshWarnings(false)]);
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

  /** Warning events of namespaces where an applied task waits, so its message can say why. */
  private async refreshWarnings(force: boolean): Promise<void> {
    const namespaces = new Set(this.trackers.filter((t) => !t.done && t.applied && t.task.namespace).map((t) => t.task.namespace!));
    await Promise.all(
      [...namespaces].map(async (ns) => {
        const cached = this.warningEvents.get(ns);
        if (!force && cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS) return;
        this.warningEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
        try {
          const events = await this.ctx.cluster.list('v1', 'Event', ns, { fieldSelector: 'type=Warning' });
          this.warningEvents.set(ns, { at: this.ctx.now(), events });
        } catch {
          // events only explain a wait
        }
      }),
    );
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

  /** A signal that aborts when the promise settles. */
  private signalWhen(p: Promise<unknown>): AbortSignal {
    const ac = new AbortController();
    void p.finally(() => ac.abort());
    return ac.signal;
  }

  private refOf(t: TaskTracker): ObjectRef {
    return { apiVersion: t.task.apiVersion, kind: t.task.kind, namespace: t.task.namespace, name: t.liveName };
  }
}

