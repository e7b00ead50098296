// Health of any other kind from standard status conditions, as kstatus reads them. An object with
// no status (ConfigMap, Secret, RBAC, ...) is Healthy as soon as it exists.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult } from './types.js';
import { condition, conditionsOf, describeCondition, field, isRecord, num, result } from './fields.js';

/**
 * Ready=False with one of these reasons will not fix itself without a change. Controllers spell
 * failures "...Failed" / "...Error" / "Invalid..." (Flux: InstallFailed, ArtifactFailed; cert-manager: Failed).
 */
export function isTerminalReason(reason: string | undefined): boolean {
  if (!reason) return false;
  return /(Failed|Failure|Error)$/.test(reason) || reason.startsWith('Invalid');
}

export function genericHealth(obj: K8sObject): HealthResult {
  const status = field(obj, 'status');
  if (!isRecord(status) || Object.keys(status).length === 0) return result('Healthy', 'created');

  const generation = num(obj, 'metadata', 'generation');
  const observed = num(obj, 'status', 'observedGeneration');
  if (generation !== undefined && observed !== undefined && observed < generation) {
    return result('Progressing', `waiting for the controller to observe generation ${generation}`);
  }

  for (const type of ['Stalled', 'Failed']) {
    const c = condition(obj, type);
    if (c?.status === 'True') return result('Degraded', `${type}: ${describeCondition(c)}`);
  }
  const ready = condition(obj, 'Ready');
  if (ready?.status === 'False' && isTerminalReason(ready.reason)) {
    return result('Degraded', `not ready: ${describeCondition(ready)}`);
  }
  const reconciling = condition(obj, 'Reconciling');
  if (reconciling?.status === 'True') return result('Progressing', `reconciling: ${describeCondition(reconciling)}`);

  if (ready?.status === 'True') return result('Healthy', `ready${ready.message ? `: ${ready.message}` : ''}`);
  const available = condition(obj, 'Available');
  if (available?.status === 'True') return result('Healthy', `available${available.message ? `: ${available.message}` : ''}`);
  if (ready) return result('Progressing', `not ready yet: ${describeCondition(ready)}`);
  if (available) return result('Progressing', `not available yet: ${describeCondition(available)}`);

  // Conditions that say nothing about readiness: like kstatus, treat the object as current.
  return result('Healthy', conditionsOf(obj).length > 0 ? 'no condition reports a problem' : 'created');
}
