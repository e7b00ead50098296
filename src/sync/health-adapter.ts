// The engine's view of src/health: one place that turns the health module's answers into the
// three questions the gate asks (is this resource healthy? has this hook finished? is a pod stuck?).
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult } from '../health/types.js';
import { assessHealth, findPodCause, formatPodCause, hookCompletion, type HealthCheckRule, type HookCompletion } from '../health/index.js';

export type HealthRules = readonly HealthCheckRule[];

export function resourceHealth(obj: K8sObject, rules?: HealthRules): HealthResult {
  return assessHealth(obj, rules ?? []);
}

export function hookState(obj: K8sObject, rules?: HealthRules): HookCompletion {
  return hookCompletion(obj, rules ?? []);
}

/** A stuck container in the workload's pods, past the fail-fast threshold, as a message; else null. */
export function stuckPodCause(
  workload: K8sObject,
  pods: K8sObject[],
  events: K8sObject[],
  now: number,
  failFastAfterMs: number,
  firstSeen: Map<string, number>,
): string | null {
  const cause = findPodCause(pods, { now, failFastAfterMs, firstSeen });
  if (!cause) return null;
  return `${workload.kind} ${workload.metadata.name}: ${formatPodCause(cause, events)}`;
}
