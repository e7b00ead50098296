// DaemonSet health: every node that should run a pod runs an updated, available one.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { generationMessage, generationPending, isKind, num, plural, result, str } from './fields.js';

export const daemonSetHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apps', 'DaemonSet')) return null;
  if (generationPending(obj)) return result('Progressing', generationMessage(obj));
  if (str(obj, 'spec', 'updateStrategy', 'type') === 'OnDelete') {
    return result('Healthy', 'OnDelete: pods update when deleted');
  }

  const desired = num(obj, 'status', 'desiredNumberScheduled') ?? 0;
  const updated = num(obj, 'status', 'updatedNumberScheduled') ?? 0;
  const available = num(obj, 'status', 'numberAvailable') ?? 0;
  if (updated < desired) {
    return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'pod')} updated`);
  }
  if (available < desired) {
    return result('Progressing', `waiting for rollout: ${available} of ${plural(desired, 'updated pod')} available`);
  }
  return result('Healthy', `${available} of ${plural(desired, 'pod')} available`);
};
