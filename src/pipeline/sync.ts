// mode sync (and dry-run): source → manifests → plan → [lock] → engine (retried) → reporters,
// inside one resource scope: the kubeconfig copy, the cluster client and its watches, the signal
// handlers and the app's lock are released on every exit path, a refused input included.
import { sleep } from '../model/sleep.js';
import { sortProblems } from '../model/problems.js';
import { loadHealthRules, preparePlan } from '../source/prepare.js';
import { runEngine } from '../sync/engine.js';
import { EventBus, type SyncResult } from '../sync/events.js';
import type { EngineOptions } from '../sync/options.js';
import { cancelOnSignals } from '../sync/signals.js';
import { ensureNamespace } from '../sync/validate.js';
import { lockRefused, takeAppLock } from './app-lock.js';
import { connect } from './connect.js';
import type { PipelineResult, SyncHooks, SyncOptions } from './options.js';
import { backoffMs, retryable } from './retry-policy.js';
import { ResourceScope } from './scope.js';

export function runSyncPipeline(opts: SyncOptions, hooks: SyncHooks = {}): Promise<PipelineResult> {
  return ResourceScope.run(async (scope) => {
    const { plan, errors } = preparePlan(opts);
    const health = loadHealthRules(opts.healthChecks);
    const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
    const problems = sortProblems([...(opts.problems ?? []), ...errors, ...health.errors, ...clusterProblems]);

    const bus = new EventBus();
    const report = hooks.reporter?.(bus, { server: cluster?.serverHost() ?? null });
    if (problems.length > 0 || !cluster) {
      bus.emit({ type: 'validation-failed', at: Date.now(), errors: problems });
      const refused: PipelineResult = { plan, problems, result: null };
      await report?.finish(refused);
      return refused;
    }

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
      });
      if (refusal) {
        const run: PipelineResult = { plan, problems: [], result: lockRefused(bus, plan, opts.mode, cluster.serverHost(), refusal) };
        await report?.finish(run);
        return run;
      }
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
      bus.emit({ type: 'warning', at: Date.now(), message: `attempt ${attempts.length + 1} of ${life.retries + 1} failed (${result.reason}); trying again in ${Math.round(pause / 1000)}s` });
      attempts.push(result);
      await sleep(pause, cancel.signal);
      if (cancel.signal.aborted) break;
      result = await runEngine(engine);
    }
    if (attempts.length) result.attempts = attempts.map((a) => ({ result: a.result, reason: a.reason, message: a.message, durationMs: a.durationMs }));
    const run: PipelineResult = { plan, problems: [], result, attempts };
    await report?.finish(run);
    return run;
  }, hooks.onReleaseFailure);
}
