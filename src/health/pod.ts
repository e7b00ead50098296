// Pod health by phase; a running pod whose container cannot start (image, crash loop, config) is
// Degraded. Pending pods stay Progressing (the fail-fast check in pod-cause.ts handles them).
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { condition, describeCondition, isKind, result, str } from './fields.js';
import { containersOf, describeWaiting, isFailingWaitReason } from './containers.js';

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
      const restartPolicy = str(obj, 'spec', 'restartPolicy') ?? 'Always';
      if (restartPolicy === 'Always' && condition(obj, 'Ready')?.status === 'True') {
        return result('Healthy', 'pod running and ready');
      }
      const failing = containersOf(obj).find((c) => isFailingWaitReason(c.waitingReason));
      if (failing) return result('Degraded', describeWaiting(failing));
      if (restartPolicy !== 'Always') return result('Progressing', 'pod running until its containers complete');
      const notReady = containersOf(obj).filter((c) => !c.ready).map((c) => c.name);
      return result('Progressing', notReady.length > 0 ? `pod running, waiting for ${notReady.join(', ')} to be ready` : 'pod running');
    }
    default:
      return result('Unknown', `pod phase ${phase}${str(obj, 'status', 'message') ? `: ${str(obj, 'status', 'message')}` : ''}`);
  }
};
