// Which pods belong to a workload: by owner for Jobs (their pods name the Job as owner), by label
// selector for Deployments, StatefulSets, DaemonSets and ReplicaSets.
import type { K8sObject } from '../manifests/types.js';

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return Boolean(sel.matchLabels || sel.matchExpressions);
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod']);

/** Whether the gate should look at this object's pods (fail fast, hook logs). */
export function hasPods(o: { kind: string; apiVersion: string }): boolean {
  return WORKLOADS.has(o.kind) && (o.apiVersion === 'v1' || o.apiVersion.startsWith('apps/') || o.apiVersion.startsWith('batch/'));
}

export function podsOf(workload: K8sObject, pods: K8sObject[]): K8sObject[] {
  if (workload.kind === 'Pod') return pods.filter((p) => p.metadata.uid === workload.metadata.uid);
  if (workload.kind === 'Job') {
    const uid = workload.metadata.uid;
    return pods.filter((p) => ((p.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === uid));
  }
  const sel = (workload.spec as { selector?: LabelSelector } | undefined)?.selector;
  return pods.filter((p) => selectorMatches(sel, p.metadata.labels));
}
