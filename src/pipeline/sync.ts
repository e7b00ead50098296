// mode sync (and dry-run): source → manifests → plan → engine → reporters, inside one resource
// scope: the kubeconfig copy, the cluster client and its watches, the signal handlers are released
// on every exit path, a refused input included.
import { sortProblems } from '../model/problems.js';
import { loadHealthRules } from '../source/health-rules.js';
import { preparePlan } from '../source/prepare.js';
import { runEngine } from '../sync/engine.js';
import { EventBus } from '../sync/events.js';
import { cancelOnSignals } from '../sync/signals.js';
import { connect } from './connect.js';
import type { PipelineResult, SyncHooks, SyncOptions } from './options.js';
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
    const result = await runEngine({
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
    });
    const run: PipelineResult = { plan, problems: [], result };
    await report?.finish(run);
    return run;
  }, hooks.onReleaseFailure);
}
