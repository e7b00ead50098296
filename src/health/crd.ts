// CustomResourceDefinition health: usable once Established; a name clash or a schema the API server
// calls non-structural never resolves itself.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, conditionsOf, describeCondition, isKind, result } from './fields.js';

export const crdHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'apiextensions.k8s.io', 'CustomResourceDefinition')) return null;
  if (conditionsOf(obj).length === 0) return result('Progressing', 'waiting for the definition to be established (no conditions yet)');
  const terminating = condition(obj, 'Terminating');
  if (terminating?.status === 'True') return result('Progressing', `definition being removed: ${describeCondition(terminating)}`);
  const names = condition(obj, 'NamesAccepted');
  if (names?.status === 'False') return result('Degraded', `names not accepted: ${describeCondition(names)}`);
  const established = condition(obj, 'Established');
  if (established?.status !== 'True') {
    // Established=False is a verdict (as in Argo CD), except for the API server's brief
    // "Installing" between accepting the names and serving the API; no condition yet still waits.
    if (established?.status === 'False' && established.reason !== 'Installing') return result('Degraded', `not established: ${describeCondition(established)}`);
    if (established) return result('Progressing', `waiting for the definition to be established: ${describeCondition(established)}`);
    return result('Progressing', 'waiting for the definition to be established');
  }
  const schema = condition(obj, 'NonStructuralSchema');
  if (schema?.status === 'True') return result('Degraded', `non-structural schema: ${describeCondition(schema)}`);
  return result('Healthy', 'established');
};
