// When a hook is done: Jobs, Pods and Argo Workflows by their own terminal states; any other
// kind by its health (Healthy: succeeded, Degraded: failed). Kinds without a specific rule use the
// generic conditions, so an object with no status succeeds as soon as it exists.
import { isKind, str } from './fields.js';
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult } from './types.js';
import { assessHealth } from './assess.js';
import { evaluateHealthCheck, findHealthCheck, type HealthCheckRule } from './health-checks.js';
import { jobHealth } from './job.js';
import { podHealth } from './pod.js';

export type HookState = 'Running' | 'Succeeded' | 'Failed';
export interface HookCompletion {
  state: HookState;
  message: string;
}

function fromHealth(h: HealthResult): HookCompletion {
  const state: HookState = h.status === 'Healthy' ? 'Succeeded' : h.status === 'Degraded' ? 'Failed' : 'Running';
  return { state, message: h.message };
}

function podCompletion(obj: K8sObject): HookCompletion {
  // Only the phase is final for a pod: a crash-looping container may still recover.
  const phase = str(obj, 'status', 'phase');
  const health = podHealth(obj)!;
  if (phase === 'Succeeded' || phase === 'Failed') return fromHealth(health);
  return { state: 'Running', message: health.message };
}

function workflowCompletion(obj: K8sObject): HookCompletion {
  const phase = str(obj, 'status', 'phase') ?? 'Pending';
  const message = str(obj, 'status', 'message');
  const text = `workflow ${phase}${message ? `: ${message}` : ''}`;
  if (phase === 'Succeeded') return { state: 'Succeeded', message: text };
  if (phase === 'Failed' || phase === 'Error') return { state: 'Failed', message: text };
  return { state: 'Running', message: text };
}

/** Whether a hook has completed, and how. */
export function hookCompletion(obj: K8sObject, customRules: readonly HealthCheckRule[] = []): HookCompletion {
  const custom = findHealthCheck(customRules, obj);
  if (custom) return fromHealth(evaluateHealthCheck(custom, obj));
  // Job: only Complete and Failed are final (FailureTarget / SuccessCriteriaMet come before them).
  if (isKind(obj, 'batch', 'Job')) return fromHealth(jobHealth(obj)!);
  if (isKind(obj, '', 'Pod')) return podCompletion(obj);
  if (isKind(obj, 'argoproj.io', 'Workflow')) return workflowCompletion(obj);
  return fromHealth(assessHealth(obj, customRules));
}
