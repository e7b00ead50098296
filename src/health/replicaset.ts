// ReplicaSet health: a ReplicaFailure condition (quota, admission) is a failure; else wait for
// every replica to be available.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, generationMessage, generationPending, isKind, num, plural, result } from './fields.js';

export const replicaSetHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apps', 'ReplicaSet')) return null;
  if (generationPending(obj)) return result('Progressing', generationMessage(obj));

  const failure = condition(obj, 'ReplicaFailure');
  if (failure?.status === 'True') return result('Degraded', describeCondition(failure));

  const desired = num(obj, 'spec', 'replicas') ?? 1;
  const available = num(obj, 'status', 'availableReplicas') ?? 0;
  if (available < desired) {
    return result('Progressing', `${available} of ${plural(desired, 'replica')} available`);
  }
  return result('Healthy', `${available} of ${plural(desired, 'replica')} available`);
};
