// APIService health: the aggregated API answers (Available=True).
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, isKind, result } from './fields.js';

export const apiServiceHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apiregistration.k8s.io', 'APIService')) return null;
  const available = condition(obj, 'Available');
  if (available?.status === 'True') return result('Healthy', 'available');
  return result('Progressing', available ? `not available: ${describeCondition(available)}` : 'waiting for the API service to be available');
};
