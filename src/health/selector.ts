// The label selector that finds a workload's pods, in the syntax of the `labelSelector` query.
import type { K8sObject } from '../manifests/types.js';
import { field, isKind, isRecord, str } from './fields.js';

function expression(e: unknown): string | null {
  if (!isRecord(e) || typeof e.key !== 'string') return null;
  const values = Array.isArray(e.values) ? e.values.filter((v): v is string => typeof v === 'string') : [];
  switch (e.operator) {
    case 'In':
      return `${e.key} in (${values.join(',')})`;
    case 'NotIn':
      return `${e.key} notin (${values.join(',')})`;
    case 'Exists':
      return e.key;
    case 'DoesNotExist':
      return `!${e.key}`;
    default:
      return null;
  }
}

/** A metav1.LabelSelector as a selector string; null when it selects everything (or is malformed). */
export function labelSelectorString(selector: unknown): string | null {
  if (!isRecord(selector)) return null;
  const parts: string[] = [];
  if (isRecord(selector.matchLabels)) {
    for (const [k, v] of Object.entries(selector.matchLabels)) if (typeof v === 'string') parts.push(`${k}=${v}`);
  }
  if (Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions) {
      const text = expression(e);
      if (text === null) return null;
      parts.push(text);
    }
  }
  // An empty selector matches every pod in the namespace: never what we want to inspect.
  return parts.length > 0 ? parts.join(',') : null;
}

const REPLICATED = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** The selector of a workload's pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job; else null. */
export function podSelectorFor(workload: K8sObject): string | null {
  if (REPLICATED.some((kind) => isKind(workload, 'apps', kind))) return labelSelectorString(field(workload, 'spec', 'selector'));
  if (!isKind(workload, 'batch', 'Job')) return null;
  // A Job's own pods carry its uid; with manualSelector the user's selector is all there is.
  if (field(workload, 'spec', 'manualSelector') === true) return labelSelectorString(field(workload, 'spec', 'selector'));
  const uid = str(workload, 'metadata', 'uid');
  if (uid) return `batch.kubernetes.io/controller-uid=${uid}`;
  const name = workload.metadata.name;
  return name ? `job-name=${name}` : null;
}
