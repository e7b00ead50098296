// Deployment health: the rollout is done when every desired replica is updated and available and
// no old replica is left (kubectl rollout status's rule), failed once the progress deadline passed.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, field, generationMessage, generationPending, isKind, num, plural, result } from './fields.js';

export const deploymentHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apps', 'Deployment')) return null;
  if (field(obj, 'spec', 'paused') === true) return result('Suspended', 'Deployment is paused');
  if (generationPending(obj)) return result('Progressing', generationMessage(obj));

  const progressing = condition(obj, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return result('Degraded', describeCondition(progressing));
  }

  const desired = num(obj, 'spec', 'replicas') ?? 1;
  const current = num(obj, 'status', 'replicas') ?? 0;
  const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
  const available = num(obj, 'status', 'availableReplicas') ?? 0;
  // Quota or admission refusals show up here while the rollout is stuck.
  const failure = condition(obj, 'ReplicaFailure');
  const why = failure?.status === 'True' ? ` (${describeCondition(failure)})` : '';

  if (updated < desired) {
    return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'replica')} updated${why}`);
  }
  if (current > updated) {
    const old = current - updated;
    return result('Progressing', `waiting for rollout: ${plural(old, 'old replica')} pending termination${why}`);
  }
  if (available < updated) {
    return result('Progressing', `waiting for rollout: ${available} of ${plural(updated, 'updated replica')} available${why}`);
  }
  return result('Healthy', `${available} of ${plural(desired, 'replica')} available`);
};
