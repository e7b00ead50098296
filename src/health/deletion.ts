// An object the API server is deleting is never ready to open a gate, whatever its kind: it stays
// Progressing ("pending deletion") until it is gone, and says which finalizers hold it.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult } from './types.js';
import { field, result, str } from './fields.js';

export function pendingDeletion(obj: K8sObject): HealthResult | null {
  if (!str(obj, 'metadata', 'deletionTimestamp')) return null;
  const list = field(obj, 'metadata', 'finalizers');
  const finalizers = Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
  return result('Progressing', finalizers.length > 0 ? `pending deletion; blocked by finalizers: ${finalizers.join(', ')}` : 'pending deletion');
}
