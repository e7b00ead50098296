// The gate of a step (SEMANTICS 3): every hook completed and every resource Healthy. Watch-driven;
// a one-second tick only re-checks fail-fast thresholds, which pass with time rather than events.
// Only the object a task applied (same uid, at or after the applied generation) is judged.
import type { K8sObject } from '../manifests/types.js';
import { sleep } from '../model/sleep.js';
import type { FailureReason } from './events.js';
import { HOOK_LOG_SETTLE_MS } from './hook-cleanup.js';
import { handOverHook, observeHookPods } from './hook-lifecycle.js';
import { NamespaceEvents } from './namespace-events.js';
import type { RunContext } from './run-context.js';
import { stopRunning } from './stop-running.js';
import type { StepTasks } from './step-tasks.js';
import type { TaskTracker } from './task-tracker.js';
import { describeApiError } from './validate.js';
import { affectedBy } from './owner-index.js';
import { verdictFor, type Verdict, type VerdictInput } from './verdict.js';

const TICK_MS = 1_000;
/** A last look at Warning events before a timeout message is written, at most this long. */
const LAST_LOOK_MS = 3_000;

export class HealthGate {
  private readonly events: NamespaceEvents;

  constructor(
    private readonly ctx: RunContext,
    private readonly tasks: StepTasks,
  ) {
    this.events = new NamespaceEvents(ctx);
  }

  /** Judge tasks as their objects change, and every second; returns the stop. */
  watch(): () => void {
    const stopFeed = this.ctx.feed.onChange((e) => this.onWatchEvent(e.type, e.object));
    const tick = setInterval(() => this.evaluateAll(), TICK_MS);
    return () => {
      clearInterval(tick);
      stopFeed();
    };
  }

  /**
   * Wait until every task is done. After a failure, running hooks may finish (one may be half-way
   * through a migration); resources still progressing are no longer awaited.
   */
  async wait(): Promise<void> {
    const { ctx, tasks } = this;
    tasks.stage = 'health';
    for (;;) {
      const open = tasks.open();
      const waitingOn = tasks.failed ? open.filter((t) => t.action === 'hook' && t.applied) : open;
      if (tasks.failed)
        for (const t of open)
          if (!waitingOn.includes(t) && !t.finishing) tasks.finish(t, 'Cancelled', `not awaited: the step failed (${t.message || 'progressing'})`);
      if (waitingOn.length === 0 && !open.some((t) => t.finishing)) return;
      if (ctx.cancel.aborted) return stopRunning(ctx, tasks, 'Cancelled');
      if (ctx.now() >= ctx.deadline) {
        // The timeout message quotes the latest status: one last look at the events first.
        await sleep(LAST_LOOK_MS, AbortSignal.any([ctx.cancel, signalWhen(this.events.refreshWarnings(tasks.all, true))]));
        this.evaluateAll();
        return stopRunning(ctx, tasks, 'Failed');
      }
      const findings = Promise.all([this.events.refreshPodEvents(tasks.all), this.events.refreshWarnings(tasks.all, false)]);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, Math.min(ctx.deadline - ctx.now(), TICK_MS * 5)));
        const onAbort = () => resolve();
        ctx.cancel.addEventListener('abort', onAbort, { once: true });
        tasks.wake = () => {
          clearTimeout(timer);
          ctx.cancel.removeEventListener('abort', onAbort);
          resolve();
        };
      });
      // The last task may just have finished: the gate opens now, not when a list of the
      // namespace's events (slow in a busy namespace) comes back; the lists catch their own errors.
      if (tasks.open().length > 0) await findings;
    }
  }

  private onWatchEvent(type: string, obj: K8sObject): void {
    // A pod or ReplicaSet change can change the verdict of the workloads it belongs to (fail fast,
    // current revision, warnings about what they own): only those are judged again, not every task.
    if (obj.kind === 'Pod' || obj.kind === 'ReplicaSet') {
      const batch = new Map<string, VerdictInput>();
      for (const t of affectedBy(obj, this.tasks.all, this.ctx.feed)) {
        const live = this.ctx.feed.latest(t.key);
        if (live && t.owns(live)) this.evaluate(t, live, batch);
      }
    }
    for (const t of this.tasks.all) {
      if (t.done || t.finishing || !t.applied || obj.metadata.name !== t.liveName || obj.kind !== t.task.kind) continue;
      if ((obj.metadata.namespace ?? null) !== t.task.namespace) continue;
      if (type === 'DELETED' && obj.metadata.uid === t.uid && !t.deletedByUs) this.conclude(t, verdictFor(t, this.verdictInput(undefined)));
      else if (t.owns(obj)) this.evaluate(t, obj);
    }
  }

  /** Every open task, on the tick (fail-fast thresholds pass with time, not with events). */
  private evaluateAll(): void {
    const batch = new Map<string, VerdictInput>();
    for (const t of this.tasks.all) {
      if (t.done || t.finishing || !t.applied) continue;
      const obj = this.ctx.feed.latest(t.key);
      if (obj && t.owns(obj)) this.evaluate(t, obj, batch);
    }
  }

  /** Judge one task; `batch` shares the namespace's pods and ReplicaSets among tasks judged together. */
  evaluate(t: TaskTracker, obj: K8sObject, batch?: Map<string, VerdictInput>): void {
    if (t.done || t.finishing) return;
    try {
      const input = this.batchedInput(obj, batch);
      observeHookPods(t, input.pods);
      this.conclude(t, verdictFor(t, input));
    } catch (err) {
      this.tasks.fail(t, 'Apply', `health check stopped on an unexpected error: ${describeApiError(err)}`);
    }
  }

  private batchedInput(obj: K8sObject, batch: Map<string, VerdictInput> | undefined): VerdictInput {
    const ns = obj.metadata.namespace ?? '';
    const shared = batch?.get(ns);
    if (shared) return { ...shared, obj };
    const input = this.verdictInput(obj);
    batch?.set(ns, input);
    return input;
  }

  private verdictInput(obj: K8sObject | undefined): VerdictInput {
    const ns = obj?.metadata.namespace;
    return {
      obj,
      pods: ns ? this.ctx.feed.all('', 'Pod', ns) : [],
      replicaSets: ns ? this.ctx.feed.all('apps', 'ReplicaSet', ns) : [],
      events: ns ? this.events.pods(ns) : [],
      warnings: ns ? this.events.warnings(ns) : [],
      now: this.ctx.now(),
      failFastAfterMs: this.ctx.opts.failFastAfterMs,
      rules: this.ctx.opts.healthRules,
    };
  }

  private conclude(t: TaskTracker, v: Verdict): void {
    const { ctx } = this;
    if (t.health !== v.health || t.message !== v.message) {
      t.health = v.health;
      t.message = v.message;
      ctx.bus.emit({ type: 'task-health', at: ctx.now(), taskId: t.task.id, health: v.health, message: v.message });
    }
    if (v.kind === 'succeeded') {
      if (v.health === 'Suspended')
        ctx.bus.emit({ type: 'warning', at: ctx.now(), message: `${t.task.kind} ${t.liveName} is Suspended: ${v.message}`, source: t.task.source });
      void this.complete(t, 'Succeeded', v.message);
    } else if (v.kind === 'failed') {
      void this.complete(t, 'Failed', v.message, v.reason);
    }
  }

  /** Finish a task; a hook that failed first gets its last log lines (they matter for the report). */
  private async complete(t: TaskTracker, state: 'Succeeded' | 'Failed', message: string, reason?: FailureReason): Promise<void> {
    if (t.finishing || t.done) return;
    t.finishing = true;
    if (state === 'Failed') this.tasks.failed ??= reason ?? 'Apply';
    try {
      if (t.logs && state === 'Failed') await t.logs.settle(HOOK_LOG_SETTLE_MS);
      if (t.action === 'hook') handOverHook(this.ctx, t, state);
    } catch (err) {
      this.ctx.bus.emit({ type: 'warning', at: this.ctx.now(), message: `${t.liveName}: ${describeApiError(err)}`, source: t.task.source });
    } finally {
      t.finishing = false;
      if (state === 'Failed') this.tasks.fail(t, reason ?? 'Apply', message);
      else this.tasks.finish(t, 'Succeeded', message);
    }
  }
}

/** A signal that aborts when the promise settles. */
function signalWhen(p: Promise<unknown>): AbortSignal {
  const ac = new AbortController();
  void p.finally(() => ac.abort());
  return ac.signal;
}
