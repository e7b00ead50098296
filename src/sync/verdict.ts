// The gate's verdict on one task, from its live object, its pods and recent events (pure).
import type { HealthStatus } from '../health/types.js';
import type { K8sObject } from '../manifests/types.js';
import type { FailureReason } from './events.js';
import { hookState, resourceHealth, stuckPodCause, type HealthRules } from './health-adapter.js';
import { hasPods, podsOf } from './pods.js';
import type { TaskTracker } from './task-tracker.js';
import { formatWarning, formatWarnings, ownedUids, unfixableCreate, warningsAbout } from './warning-events.js';

export type Verdict =
  | { kind: 'wait'; health: HealthStatus; message: string }
  | { kind: 'succeeded'; health: HealthStatus; message: string }
  | { kind: 'failed'; reason: FailureReason; health: HealthStatus; message: string };

export interface VerdictInput {
  obj: K8sObject | undefined;
  pods: K8sObject[];
  /** ReplicaSets of the namespace, to tell a Deployment's current pods from the previous ones. */
  replicaSets: K8sObject[];
  events: K8sObject[];
  /** Recent Warning events of the namespace, to say why a task waits. */
  warnings?: K8sObject[];
  now: number;
  failFastAfterMs: number;
  rules?: HealthRules;
}

/** What the gate concludes about a task from its live object and its pods. */
export function verdictFor(t: TaskTracker, input: VerdictInput): Verdict {
  const { obj } = input;
  if (!obj) return { kind: 'failed', reason: 'Missing', health: 'Missing', message: `${t.task.kind} ${t.liveName} disappeared after it was applied` };
  const warnings = input.warnings?.length ? warningsAbout(ownedUids(obj, input.pods, input.replicaSets), input.warnings) : [];
  const stuck = () => {
    if (!hasPods(obj)) return null;
    const pods = podsOf(obj, input.pods, input.replicaSets);
    return stuckPodCause(obj, pods, input.events, input.now, input.failFastAfterMs, t.firstSeen) ?? cannotCreatePods(t, obj, pods.length, warnings, input);
  };
  const why = (message: string) => (warnings.length ? `${message}; ${formatWarnings(warnings)}` : message);
  if (t.action === 'hook') {
    const hs = hookState(obj, input.rules);
    if (hs.state === 'Succeeded') return { kind: 'succeeded', health: 'Healthy', message: hs.message };
    if (hs.state === 'Failed') return { kind: 'failed', reason: 'HookFailed', health: 'Degraded', message: why(hs.message) };
    const cause = stuck();
    if (cause) return { kind: 'failed', reason: 'HookFailed', health: 'Degraded', message: cause };
    return { kind: 'wait', health: 'Progressing', message: why(hs.message) };
  }
  const h = resourceHealth(obj, input.rules);
  if (h.status === 'Healthy') return { kind: 'succeeded', health: h.status, message: h.message };
  if (h.status === 'Suspended') return { kind: 'succeeded', health: h.status, message: h.message };
  if (h.status === 'Degraded') return { kind: 'failed', reason: 'Degraded', health: h.status, message: h.message };
  if (h.status === 'Missing') return { kind: 'failed', reason: 'Missing', health: h.status, message: h.message };
  const cause = stuck();
  if (cause) return { kind: 'failed', reason: 'Degraded', health: 'Degraded', message: cause };
  return { kind: 'wait', health: h.status, message: why(h.message) };
}

/**
 * Pods that cannot even be created for a reason no retry fixes (a missing ServiceAccount, Secret or
 * ConfigMap, an exceeded quota): after fail-fast-after, as for image pull errors. Only while the
 * workload has no pod of its current revision, so a FailedCreate that was since fixed does not count.
 */
function cannotCreatePods(t: TaskTracker, obj: K8sObject, currentPods: number, warnings: ReturnType<typeof warningsAbout>, input: VerdictInput): string | null {
  const key = String(obj.metadata.uid ?? '');
  const w = currentPods === 0 ? unfixableCreate(warnings) : null;
  if (!w) {
    t.createFailSeen.delete(key);
    return null;
  }
  if (!t.createFailSeen.has(key)) t.createFailSeen.set(key, input.now);
  if (input.now - t.createFailSeen.get(key)! < input.failFastAfterMs) return null;
  return `${obj.kind} ${obj.metadata.name}: pods cannot be created: ${formatWarning(w)}`;
}
