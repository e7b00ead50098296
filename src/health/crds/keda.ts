// KEDA ScaledObject and ScaledJob: paused → Suspended; a trigger in fallback → Degraded; then Ready.
import type { HealthRule } from '../types.js';
import { condition, describeCondition, field, result } from '../fields.js';
import { byReady } from './conditions.js';

const PAUSE_ANNOTATIONS = [
  'autoscaling.keda.sh/paused',
  'autoscaling.keda.sh/paused-replicas',
  'autoscaling.keda.sh/paused-scale-in',
  'autoscaling.keda.sh/paused-scale-out',
];

const scaled: HealthRule = (obj) => {
  const paused = condition(obj, 'Paused');
  const annotations = field(obj, 'metadata', 'annotations') as Record<string, unknown> | undefined;
  const pausedBy = PAUSE_ANNOTATIONS.find((a) => annotations?.[a] !== undefined && annotations[a] !== 'false');
  if (paused?.status === 'True' || pausedBy) return result('Suspended', `${obj.kind} is paused${pausedBy ? ` (${pausedBy})` : ''}`);
  // Ready=Unknown with an error reason (PartialTriggerError): some triggers cannot work as written.
  const ready = condition(obj, 'Ready');
  if (ready?.status === 'Unknown' && /Error$/.test(ready.reason ?? '')) return result('Degraded', describeCondition(ready));
  const fallback = condition(obj, 'Fallback');
  if (fallback?.status === 'True') return result('Degraded', `a trigger is falling back: ${describeCondition(fallback)}`);
  return byReady(obj, `waiting for the ${obj.kind} to be ready`);
};

export const kedaRules: Record<string, HealthRule> = {
  'keda.sh/ScaledObject': scaled,
  'keda.sh/ScaledJob': scaled,
  'keda.sh/TriggerAuthentication': () => result('Healthy', 'created'),
  'keda.sh/ClusterTriggerAuthentication': () => result('Healthy', 'created'),
};
