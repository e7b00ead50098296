// Pod health by phase; a long-running pod whose container cannot start (image, crash loop, config)
// or that is not ready after a container died is Degraded. Pending pods, and pods meant to finish
// (restartPolicy OnFailure/Never), stay Progressing: the fail-fast check in pod-cause.ts catches a
// container stuck in a back-off after fail-fast-after (see README, "Two deliberate differences").
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, isKind, result, str } from './fields.js';
import { containersOf, describeWaiting, isFailingWaitReason } from './containers.js';

/** Argo CD's annotation: judge a pod meant to finish (OnFailure/Never) like a long-running one. */
export const IGNORE_RESTART_POLICY = 'argocd.argoproj.io/ignore-restart-policy';

function longRunning(obj: K8sObject): boolean {
  const policy = str(obj, 'spec', 'restartPolicy') ?? 'Always';
  return policy === 'Always' || str(obj, 'metadata', 'annotations', IGNORE_RESTART_POLICY) === 'true';
}

function pendingMessage(obj: K8sObject): string {
  const waiting = containersOf(obj).find((c) => c.waitingReason && c.waitingReason !== 'PodInitializing' && c.waitingReason !== 'ContainerCreating');
  if (waiting) return `pod pending: ${describeWaiting(waiting)}`;
  const scheduled = condition(obj, 'PodScheduled');
  if (scheduled?.status === 'False') return `pod pending: not scheduled: ${describeCondition(scheduled)}`;
  return 'pod pending';
}

function failedMessage(obj: K8sObject): string {
  const reason = str(obj, 'status', 'reason');
  const message = str(obj, 'status', 'message');
  const head = [reason, message].filter(Boolean).join(': ');
  const terminated = containersOf(obj).filter((c) => c.termination && !c.termination.startsWith('exit code 0'));
  const detail = terminated.map((c) => `container ${c.name} ${c.termination}`).join('; ');
  return `pod failed${head ? `: ${head}` : ''}${detail ? `${head ? '; ' : ': '}${detail}` : ''}`;
}

export const podHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, '', 'Pod')) return null;
  const phase = str(obj, 'status', 'phase') ?? 'Pending';
  switch (phase) {
    case 'Pending':
      return result('Progressing', pendingMessage(obj));
    case 'Succeeded':
      return result('Healthy', 'pod completed');
    case 'Failed':
      return result('Degraded', failedMessage(obj));
    case 'Running': {
      const always = longRunning(obj);
      if (always && condition(obj, 'Ready')?.status === 'True') return result('Healthy', 'pod running and ready');
      const failing = containersOf(obj).find((c) => isFailingWaitReason(c.waitingReason));
      if (!always) {
        // A crash loop under OnFailure may still end in success; fail-fast-after bounds the wait.
        const note = failing ? `; ${describeWaiting(failing)}` : '';
        return result('Progressing', `pod running until its containers complete${note}`);
      }
      if (failing) return result('Degraded', describeWaiting(failing));
      // Not ready after a container died once: the readiness it lost is not coming back by waiting.
      const died = containersOf(obj).find((c) => !c.init && c.lastTermination);
      if (died) return result('Degraded', `pod not ready; container ${died.name} restarted (last ${died.lastTermination})`);
      const notReady = containersOf(obj)
        .filter((c) => !c.ready)
        .map((c) => c.name);
      return result('Progressing', notReady.length > 0 ? `pod running, waiting for ${notReady.join(', ')} to be ready` : 'pod running');
    }
    default:
      return result('Unknown', `pod phase ${phase}${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
  }
};
