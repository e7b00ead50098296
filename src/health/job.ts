// Job health from its final conditions. FailureTarget and SuccessCriteriaMet are set before the
// Job's pods are gone; only Failed and Complete are final.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, isKind, num, result } from './fields.js';

/** "pods: 1 active, 0 succeeded, 2 failed". */
export function jobPodCounts(obj: K8sObject): string {
  const active = num(obj, 'status', 'active') ?? 0;
  const succeeded = num(obj, 'status', 'succeeded') ?? 0;
  const failed = num(obj, 'status', 'failed') ?? 0;
  return `pods: ${active} active, ${succeeded} succeeded, ${failed} failed`;
}

export const jobHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'batch', 'Job')) return null;
  const failed = condition(obj, 'Failed');
  if (failed?.status === 'True') return result('Degraded', `Job failed: ${describeCondition(failed)} (${jobPodCounts(obj)})`);
  if (condition(obj, 'Complete')?.status === 'True') return result('Healthy', `Job completed (${jobPodCounts(obj)})`);
  const suspended = condition(obj, 'Suspended');
  if (suspended?.status === 'True') return result('Suspended', `Job is suspended: ${describeCondition(suspended)}`);
  const target = condition(obj, 'FailureTarget');
  if (target?.status === 'True') return result('Progressing', `Job failing, waiting for its pods to stop: ${describeCondition(target)}`);
  return result('Progressing', `Job running (${jobPodCounts(obj)})`);
};
