// mode delete: [manifests → plan of the delete hooks] → lock → delete engine → reporters, inside
// one resource scope. Without manifests the app is torn down from its inventory alone.
import { pruneReleases } from '../cluster/history/releases.js';
import { sortProblems } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import { runDeleteEngine } from '../sync/delete-engine.js';
import { EventBus, type SyncResult } from '../sync/events.js';
import { cancelOnSignals } from '../sync/signals.js';
import { lockRefused, takeAppLock } from './app-lock.js';
import { connect } from './connect.js';
import type { DeleteOptions, PipelineResult, SyncHooks } from './options.js';
import { ResourceScope } from './scope.js';
import { sourceStep } from './source.js';

function emptyPlan(opts: DeleteOptions): Plan {
  return {
    app: opts.app,
    revision: opts.revision,
    namespace: opts.namespace,
    steps: [],
    syncFail: [],
    preDelete: [],
    postDelete: [],
    skipped: [],
    warnings: [],
  };
}

export function runDeletePipeline(opts: DeleteOptions, hooks: SyncHooks = {}): Promise<PipelineResult> {
  return ResourceScope.run(async (scope) => {
    const withManifests = opts.manifests.length > 0;
    const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
    // The hooks come through the same source step as a sync's (checkout, rendering).
    const { plan, errors } = withManifests
      ? await sourceStep(opts, scope, async () => (cluster ? cluster.serverVersion() : null))
      : { plan: emptyPlan(opts), errors: [] };
    const problems = sortProblems([...(opts.problems ?? []), ...errors, ...clusterProblems]);
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
    let result: SyncResult | null = null;
    // Delete takes the same lock as sync; once the app is gone its Lease goes too.
    const refusal = await takeAppLock(cluster, scope, {
      app: opts.app,
      namespace: opts.namespace,
      holder: opts.holder,
      timeoutMs: opts.lockTimeoutMs,
      signal: cancel.signal,
      onNotice: hooks.onNotice,
      removeOnRelease: () => result?.result === 'Succeeded',
      env: opts.cluster.env,
    });
    result = refusal
      ? lockRefused(bus, plan, 'delete', cluster.serverHost(), refusal)
      : await runDeleteEngine({
          cluster,
          plan,
          bus,
          timeoutMs: opts.timeoutMs,
          signal: cancel.signal,
          withManifests,
          // The release history goes with the app (its entries live on the parent, deleted next).
          afterDelete: () => pruneReleases(cluster, opts.app, opts.namespace, new Set()),
        });
    const run: PipelineResult = { plan, problems: [], result };
    await report?.finish(run);
    return run;
  }, hooks.onReleaseFailure);
}
