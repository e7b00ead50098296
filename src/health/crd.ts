// CustomResourceDefinition health: usable once Established; a name clash never resolves itself.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, isKind, result } from './fields.js';

export const crdHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apiextensions.k8s.io', 'CustomResourceDefinition')) return null;
  if (condition(obj, 'Established')?.status === 'True') return result('Healthy', 'established');
  const names = condition(obj, 'NamesAccepted');
  if (names?.status === 'False') return result('Degraded', `names not accepted: ${describeCondition(names)}`);
  return result('Progressing', 'waiting for the definition to be established');
};
