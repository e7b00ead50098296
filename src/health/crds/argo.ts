// Argo Rollouts (Rollout, AnalysisRun, Experiment) and Argo Workflows (Workflow) as resources.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult, HealthRule } from '../types.js';
import { condition, describeCondition, field, num, result, str } from '../fields.js';
import { byWord } from './conditions.js';

function rolloutReplicas(obj: K8sObject): HealthResult | null {
  const replicas = num(obj, 'spec', 'replicas') ?? 1;
  const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
  const total = num(obj, 'status', 'replicas') ?? 0;
  const available = num(obj, 'status', 'availableReplicas') ?? 0;
  if (updated < replicas) return result('Progressing', `rollout in progress: ${updated} of ${replicas} replicas updated`);
  if (total > updated) return result('Progressing', `rollout in progress: ${total - updated} old replicas pending termination`);
  if (available < updated) return result('Progressing', `rollout in progress: ${available} of ${updated} updated replicas available`);
  return null;
}

/** Rollout: aborted or invalid → Degraded; paused → Suspended; then the replica counts and the stable hash. */
const rollout: HealthRule = (obj) => {
  const invalid = condition(obj, 'InvalidSpec');
  if (invalid?.status === 'True') return result('Degraded', `invalid spec: ${describeCondition(invalid)}`);
  if (field(obj, 'status', 'abort') === true)
    return result('Degraded', `rollout aborted${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
  const progressing = condition(obj, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return result('Degraded', `progress deadline exceeded: ${describeCondition(progressing)}`);

  // observedGeneration is a number in current releases and a hash string in old ones.
  const generation = num(obj, 'metadata', 'generation');
  const observed = field(obj, 'status', 'observedGeneration');
  if (generation !== undefined && (typeof observed === 'number' || /^\d+$/.test(String(observed ?? ''))) && Number(observed) < generation) {
    return result('Progressing', `waiting for the controller to observe generation ${generation}`);
  }
  // A Rollout that references a Deployment (workloadRef) also tracks that workload's generation.
  const workload = str(obj, 'metadata', 'annotations', 'rollout.argoproj.io/workload-generation');
  const workloadObserved = str(obj, 'status', 'workloadObservedGeneration');
  if (workload && workloadObserved && Number(workloadObserved) < Number(workload)) {
    return result('Progressing', `waiting for the controller to observe the referenced workload's generation ${workload}`);
  }
  if (field(obj, 'spec', 'paused') === true) return result('Suspended', 'rollout paused (spec.paused)');
  const pauses = field(obj, 'status', 'pauseConditions');
  if (Array.isArray(pauses) && pauses.length > 0) {
    const reasons = pauses
      .map((p) => str(p, 'reason'))
      .filter(Boolean)
      .join(', ');
    return result('Suspended', `rollout paused${reasons ? `: ${reasons}` : ''}`);
  }
  const phase = str(obj, 'status', 'phase');
  if (phase === 'Degraded') return result('Degraded', `rollout degraded${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
  if (phase === 'Paused') return result('Suspended', `rollout paused${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);

  const counts = rolloutReplicas(obj);
  if (counts) return counts;
  const current = str(obj, 'status', 'currentPodHash');
  if (field(obj, 'spec', 'strategy', 'blueGreen') !== undefined) {
    const active = str(obj, 'status', 'blueGreen', 'activeSelector');
    if (current && active !== current) return result('Progressing', 'the active service does not yet serve the current pod spec');
    return result('Healthy', 'the active service serves the current pod spec');
  }
  if (field(obj, 'spec', 'strategy', 'canary') !== undefined) {
    const stable = str(obj, 'status', 'stableRS') ?? str(obj, 'status', 'canary', 'stableRS');
    if (current && stable && stable !== current) return result('Progressing', 'canary in progress: the stable set is not yet the current pod spec');
    return result('Healthy', 'the stable set runs the current pod spec');
  }
  return result('Degraded', 'rollout spec has no strategy (blueGreen or canary)');
};

const WORKFLOW = { '': 'Progressing', Pending: 'Progressing', Running: 'Progressing', Succeeded: 'Healthy', Failed: 'Degraded', Error: 'Degraded' } as const;
const ANALYSIS = {
  '': 'Progressing',
  Pending: 'Progressing',
  Running: 'Progressing',
  Successful: 'Healthy',
  Failed: 'Degraded',
  Error: 'Degraded',
  Inconclusive: 'Unknown',
} as const;

export const argoRules: Record<string, HealthRule> = {
  'argoproj.io/Rollout': rollout,
  'argoproj.io/Workflow': (obj) => byWord(obj, 'phase', WORKFLOW, 'Unknown'),
  'argoproj.io/AnalysisRun': (obj) => byWord(obj, 'phase', ANALYSIS, 'Unknown'),
  'argoproj.io/Experiment': (obj) => byWord(obj, 'phase', ANALYSIS, 'Unknown'),
};
