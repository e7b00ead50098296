// StatefulSet health: all replicas ready, then the rollout complete (partitioned rollouts stop at
// the partition; OnDelete sets never roll by themselves, so readiness is all there is to wait for).
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { generationMessage, generationPending, isKind, num, plural, result, str } from './fields.js';

export const statefulSetHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apps', 'StatefulSet')) return null;
  if (generationPending(obj)) return result('Progressing', generationMessage(obj));

  const desired = num(obj, 'spec', 'replicas') ?? 1;
  const ready = num(obj, 'status', 'readyReplicas') ?? 0;
  const updated = num(obj, 'status', 'updatedReplicas') ?? 0;
  if (ready < desired) {
    return result('Progressing', `waiting for rollout: ${ready} of ${plural(desired, 'replica')} ready`);
  }

  const strategy = str(obj, 'spec', 'updateStrategy', 'type') ?? 'RollingUpdate';
  if (strategy === 'OnDelete') {
    return result('Healthy', `${ready} of ${plural(desired, 'replica')} ready (OnDelete: pods update when deleted)`);
  }
  const partition = num(obj, 'spec', 'updateStrategy', 'rollingUpdate', 'partition') ?? 0;
  if (partition > 0) {
    const target = Math.max(desired - partition, 0);
    if (updated < target) {
      return result('Progressing', `waiting for partitioned rollout: ${updated} of ${plural(target, 'replica')} above partition ${partition} updated`);
    }
    return result('Healthy', `partitioned rollout complete: ${updated} of ${plural(desired, 'replica')} updated`);
  }

  const updateRevision = str(obj, 'status', 'updateRevision');
  const currentRevision = str(obj, 'status', 'currentRevision');
  if (updateRevision !== currentRevision) {
    return result('Progressing', `waiting for rollout: ${updated} of ${plural(desired, 'replica')} at revision ${updateRevision ?? '?'}`);
  }
  return result('Healthy', `${ready} of ${plural(desired, 'replica')} ready at revision ${currentRevision ?? '?'}`);
};
