// HorizontalPodAutoscaler health from its conditions. autoscaling/v1 keeps them in an annotation.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { conditionsOf, describeCondition, isKind, isRecord, result, type Condition } from './fields.js';

const V1_CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';

function isFailingReason(reason: string | undefined): boolean {
  if (!reason) return false;
  return (
    reason === 'FailedGetScale' ||
    reason === 'FailedUpdateScale' ||
    reason === 'InvalidSelector' ||
    (reason.startsWith('FailedGet') && reason.endsWith('Metric'))
  );
}

function hpaConditions(obj: K8sObject): Condition[] {
  const fromStatus = conditionsOf(obj);
  if (fromStatus.length > 0) return fromStatus;
  const raw = obj.metadata.annotations?.[V1_CONDITIONS];
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((c): c is Condition => isRecord(c) && typeof c.type === 'string') : [];
  } catch {
    return [];
  }
}

export const hpaHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'autoscaling', 'HorizontalPodAutoscaler')) return null;
  const conditions = hpaConditions(obj);
  const failing = conditions.find((c) => c.status !== 'True' && isFailingReason(c.reason));
  if (failing) return result('Degraded', describeCondition(failing));
  const able = conditions.find((c) => c.type === 'AbleToScale');
  if (able?.status === 'True') return result('Healthy', describeCondition(able));
  return result('Progressing', able ? describeCondition(able) : 'waiting for the autoscaler to read its target');
};
