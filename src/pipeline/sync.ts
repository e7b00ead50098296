// mode sync (and dry-run, and rollback): source → manifests → plan → [lock] → engine (retried) →
// [history, rollback] → reporters, inside one resource scope: the kubeconfig copy, the cluster
// client and its watches, the signal handlers and the app's lock are released on every exit path.
import { isUnreachable, type ClusterPort } from '../cluster/port.js';
import { sleep } from '../model/sleep.js';
import { sortProblems } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import { loadHealthRules } from '../source/health-rules.js';
import { runEngine } from '../sync/engine.js';
import { EventBus, type SyncResult } from '../sync/events.js';
import type { EngineOptions } from '../sync/options.js';
import { cancelOnSignals } from '../sync/signals.js';
import { ensureNamespace } from '../sync/validate.js';
import { lockRefused, takeAppLock } from './app-lock.js';
import { connect } from './connect.js';
import type { PipelineResult, SyncHooks, SyncOptions } from './options.js';
import { recordSync, releaseToRollBackTo } from './release-history.js';
import { backoffMs, retryable } from './retry-policy.js';
import { ResourceScope } from './scope.js';
import { sourceStep } from './source.js';

const emptyPlan = (opts: SyncOptions): Plan => ({
  app: opts.app,
  revision: null,
  namespace: opts.namespace,
  steps: [],
  syncFail: [],
  preDelete: [],
  postDelete: [],
  skipped: [],
  warnings: [],
});

export function runSyncPipeline(opts: SyncOptions, hooks: SyncHooks = {}): Promise<PipelineResult> {
  return ResourceScope.run(async (scope) => {
    const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
    // A rollback reads no manifest: its plan comes from the history once the lock is held.
    const prepared = opts.rollback
      ? { plan: emptyPlan(opts), errors: [] }
      : await sourceStep(opts, scope, async () => (cluster ? cluster.serverVersion() : null));
    let plan = prepared.plan;
    const health = await loadHealthRules(opts.healthChecks);
    const problems = sortProblems([...(opts.problems ?? []), ...prepared.errors, ...health.errors, ...clusterProblems]);

    const bus = new EventBus();
    const report = hooks.reporter?.(bus, { server: cluster?.serverHost() ?? null });
    const refuse = async (found = problems): Promise<PipelineResult> => {
      bus.emit({ type: 'validation-failed', at: Date.now(), errors: found });
      const refused: PipelineResult = { plan, problems: found, result: null };
      await report?.finish(refused);
      return refused;
    };
    if (problems.length > 0 || !cluster) return refuse();

    const cancel = cancelOnSignals(hooks.onSignal);
    scope.defer('the signal handlers', () => cancel.dispose());
    const life = opts.lifecycle;
    // A dry run changes nothing, so it neither waits for nor blocks a sync.
    if (life && opts.mode === 'sync') {
      // The Lease lives in the app's namespace: create-namespace makes it first (the engine then finds it there).
      if (opts.createNamespace && (await ensureNamespace(cluster, opts.namespace).catch(() => false))) hooks.onNotice?.(`created namespace ${opts.namespace}`);
      const refusal = await takeAppLock(cluster, scope, {
        app: opts.app,
        namespace: opts.namespace,
        holder: life.holder,
        timeoutMs: life.lockTimeoutMs,
        signal: cancel.signal,
        onNotice: hooks.onNotice,
        env: opts.cluster.env,
      });
      if (refusal) {
        const run: PipelineResult = { plan, problems: [], result: lockRefused(bus, plan, opts.mode, cluster.serverHost(), refusal) };
        await report?.finish(run);
        return run;
      }
    }
    let source = opts.manifests.join(', ');
    if (opts.rollback) {
      const target = await releaseToRollBackTo(cluster, opts.app, opts.namespace, opts.rollback.to);
      if ('problem' in target) return refuse([{ source: null, message: target.problem }]);
      plan = target.plan;
      source = `rollback to v${target.entry.number}`;
      hooks.onNotice?.(
        `rolling back app ${opts.app} to release v${target.entry.number} (${target.entry.revision ?? 'no revision'}, synced ${target.entry.startedAt})`,
      );
    }
    const engine: EngineOptions = {
      cluster,
      plan,
      bus,
      mode: opts.mode,
      timeoutMs: opts.timeoutMs,
      waveDelayMs: opts.waveDelayMs,
      failFastAfterMs: opts.failFastAfterMs,
      createNamespace: opts.createNamespace,
      healthRules: health.rules,
      signal: cancel.signal,
      inventory: life ? { prune: life.prune, confirmPrune: life.confirmPrune, forceAdopt: life.forceAdopt } : undefined,
    };
    const attempts: SyncResult[] = [];
    let result = await runEngine(engine);
    while (life && retryable(result) && attempts.length < life.retries && !cancel.signal.aborted) {
      const pause = backoffMs(life.retryBackoffMs, attempts.length);
      bus.emit({
        type: 'warning',
        at: Date.now(),
        message: `attempt ${attempts.length + 1} of ${life.retries + 1} failed (${result.reason}); trying again in ${Math.round(pause / 1000)}s`,
      });
      attempts.push(result);
      await sleep(pause, cancel.signal);
      if (cancel.signal.aborted) break;
      result = await runEngine(engine);
    }
    if (attempts.length) result.attempts = attempts.map((a) => ({ result: a.result, reason: a.reason, message: a.message, durationMs: a.durationMs }));
    if (life && opts.mode === 'sync') await afterSync(cluster, opts, engine, result, source, bus, cancel.signal);
    const run: PipelineResult = { plan, problems: [], result, attempts };
    await report?.finish(run);
    return run;
  }, hooks.onReleaseFailure);
}

/** History for the sync; then, when it failed and on-failure is rollback, the last good release synced again. */
async function afterSync(
  cluster: ClusterPort,
  opts: SyncOptions,
  engine: EngineOptions,
  result: SyncResult,
  source: string,
  bus: EventBus,
  signal: AbortSignal,
): Promise<void> {
  const life = opts.lifecycle!;
  const warn = (message: string) => bus.emit({ type: 'warning', at: Date.now(), message });
  const record = (r: SyncResult, from: string, plan: Plan) =>
    recordSync(cluster, { app: opts.app, namespace: opts.namespace, plan, result: r, source: from, limit: life.historyLimit }, warn).catch((err: unknown) => {
      // An unreachable server was reported once already, by the sync itself.
      if (!isUnreachable(err)) warn(`the sync history could not be recorded: ${err instanceof Error ? err.message : String(err)}`);
    });
  await record(result, source, engine.plan);
  if (!life.rollbackOnFailure || !retryable(result) || signal.aborted) return;
  const target = await releaseToRollBackTo(cluster, opts.app, opts.namespace).catch((err: unknown) => ({ problem: String(err) }));
  if ('problem' in target) {
    warn(`on-failure rollback: ${target.problem}; nothing was rolled back`);
    return;
  }
  warn(`the sync failed: rolling back to release v${target.entry.number} (${target.entry.revision ?? 'no revision'})`);
  const back = await runEngine({ ...engine, plan: target.plan });
  await record(back, `rollback to v${target.entry.number}`, target.plan);
  result.rollback = {
    result: back.result,
    reason: back.reason,
    message: back.message,
    durationMs: back.durationMs,
    revision: target.entry.revision,
    release: target.entry.number,
  };
  result.message =
    back.result === 'Succeeded'
      ? `failed, rolled back to ${target.entry.revision ?? `v${target.entry.number}`}: ${result.message}`
      : `failed, and the rollback to ${target.entry.revision ?? `v${target.entry.number}`} failed too (${back.message.split('\n')[0]}): ${result.message}`;
}
