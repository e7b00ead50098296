// mode diff: source → manifests → plan → the inventory (what a sync with prune would delete, by the
// sync's own prune plan) → server-side dry run → compare with the live objects. Nothing in the
// cluster changes.
import { InventoryError } from '../cluster/inventory/inventory.js';
import { computeDiff } from '../diff/compute.js';
import type { DiffResult } from '../diff/types.js';
import { sortProblems, type Problem } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import { InventoryStage } from '../sync/inventory-stage.js';
import { connect } from './connect.js';
import type { SourceOptions, ClusterOptions, SyncHooks } from './options.js';
import { ResourceScope } from './scope.js';
import { sourceStep } from './source.js';

export interface DiffOptions extends SourceOptions {
  cluster: ClusterOptions;
  /** prune-confirm / --confirm-prune: Prune=confirm members count as pruned, as in the sync. */
  confirmPrune?: boolean;
  /** create-namespace / --create-namespace: a sync would create the app namespace first. */
  createNamespace?: boolean;
}

export interface DiffRun {
  plan: Plan;
  problems: Problem[];
  /** null when the run stopped at the problems. */
  diff: DiffResult | null;
}

export function runDiffPipeline(opts: DiffOptions, hooks: Pick<SyncHooks, 'onKubeconfig' | 'onReleaseFailure'> = {}): Promise<DiffRun> {
  return ResourceScope.run(async (scope) => {
    const { cluster, problems: clusterProblems } = connect(opts.cluster, scope, hooks.onKubeconfig);
    const { plan, errors } = await sourceStep(opts, scope, async () => (cluster ? cluster.serverVersion() : null));
    const problems = sortProblems([...(opts.problems ?? []), ...errors, ...clusterProblems]);
    if (problems.length > 0 || !cluster) return { plan, problems, diff: null };
    // The sync's inventory step, read-only: members labelled as applied, prunes planned as `sync --prune` would.
    let inventory;
    try {
      inventory = await InventoryStage.prepare(cluster, plan, { prune: true, confirmPrune: opts.confirmPrune ?? false, forceAdopt: false });
    } catch (err) {
      if (!(err instanceof InventoryError)) throw err;
      return { plan, problems: [{ source: null, message: err.message }], diff: null };
    }
    // A sync would refuse these before applying anything: so does the diff.
    if (inventory.refusals.length > 0)
      return { plan, problems: sortProblems(inventory.refusals.map((f) => ({ source: f.source, message: f.message }))), diff: null };
    const { result, errors: diffErrors } = await computeDiff(cluster, inventory.applyPlan, {
      server: cluster.serverHost() || null,
      prunes: inventory.stage.pruneTasks,
      createsNamespaces: opts.createNamespace ? [plan.namespace] : [],
    });
    return { plan, problems: sortProblems(diffErrors), diff: result };
  }, hooks.onReleaseFailure);
}
