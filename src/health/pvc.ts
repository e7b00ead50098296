// PersistentVolumeClaim health by phase.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { isKind, result, str } from './fields.js';

export const pvcHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, '', 'PersistentVolumeClaim')) return null;
  const phase = str(obj, 'status', 'phase') ?? 'Pending';
  switch (phase) {
    case 'Bound':
      return result('Healthy', `bound to volume ${str(obj, 'spec', 'volumeName') ?? '?'}`);
    case 'Pending':
      // A WaitForFirstConsumer class binds only once a pod uses the claim: say so, it is the usual trap.
      return result('Progressing', 'waiting for the claim to be bound (a WaitForFirstConsumer storage class binds only when a pod uses it)');
    case 'Lost':
      return result('Degraded', `claim lost its volume ${str(obj, 'spec', 'volumeName') ?? ''}`.trim());
    default:
      return result('Unknown', `claim phase ${phase}`);
  }
};
