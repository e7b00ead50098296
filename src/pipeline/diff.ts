// mode diff: source → manifests → plan → server-side dry run → compare with the live objects.
// Nothing in the cluster changes.
import { applysetId, parentName } from '../cluster/inventory/applyset.js';
import { computeDiff } from '../diff/compute.js';
import type { DiffResult } from '../diff/types.js';
import { sortProblems, type Problem } from '../model/problems.js';
import { labelMembers } from '../plan/membership.js';
import type { Plan } from '../plan/types.js';
import { connect } from './connect.js';
import type { SourceOptions, ClusterOptions, SyncHooks } from './options.js';
import { ResourceScope } from './scope.js';
import { sourceStep } from './source.js';

export interface DiffOptions extends SourceOptions {
  cluster: ClusterOptions;
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
    // Compared as a sync would apply them: members carry the app's ApplySet label.
    const asApplied = labelMembers(plan, applysetId(parentName(plan.app), plan.namespace));
    const { result, errors: diffErrors } = await computeDiff(cluster, asApplied, { server: cluster.serverHost() || null });
    return { plan, problems: sortProblems(diffErrors), diff: result };
  }, hooks.onReleaseFailure);
}
