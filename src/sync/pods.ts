// Which pods belong to a workload: by owner for Jobs (their pods name the Job as owner), by label
// selector for Deployments, StatefulSets, DaemonSets and ReplicaSets.
import type { K8sObject } from '../manifests/types.js';
import { selectorMatches, type LabelSelector } from '../model/label-selector.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod']);

/** Whether the gate should look at this object's pods (fail fast, hook logs). */
export function hasPods(o: { kind: string; apiVersion: string }): boolean {
  return WORKLOADS.has(o.kind) && (o.apiVersion === 'v1' || o.apiVersion.startsWith('apps/') || o.apiVersion.startsWith('batch/'));
}

/**
 * The pods of the workload's current revision. During a rollout, pods of the previous revision may
 * still be crash-looping (that is often why one deploys): they must not fail the fix.
 * Deployments: pods of the ReplicaSet at the Deployment's revision; StatefulSets: pods at
 * status.updateRevision. Until the current revision is known, no pod is judged.
 */
export function podsOf(workload: K8sObject, pods: K8sObject[], replicaSets: K8sObject[] = []): K8sObject[] {
  if (workload.kind === 'Pod') return pods.filter((p) => p.metadata.uid === workload.metadata.uid);
  if (workload.kind === 'Job') {
    const uid = workload.metadata.uid;
    return pods.filter((p) => ((p.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === uid));
  }
  const sel = (workload.spec as { selector?: LabelSelector } | undefined)?.selector;
  const selected = pods.filter((p) => selectorMatches(sel, p.metadata.labels));
  // Until the controller has seen this generation, its revision markers still name the old one.
  const observed = Number((workload.status as { observedGeneration?: number } | undefined)?.observedGeneration ?? 0);
  if ((workload.kind === 'Deployment' || workload.kind === 'StatefulSet') && observed < Number(workload.metadata.generation ?? 0)) return [];
  if (workload.kind === 'Deployment') {
    const hash = currentTemplateHash(workload, replicaSets);
    return hash ? selected.filter((p) => p.metadata.labels?.['pod-template-hash'] === hash) : [];
  }
  if (workload.kind === 'StatefulSet') {
    const revision = (workload.status as { updateRevision?: string } | undefined)?.updateRevision;
    return revision ? selected.filter((p) => p.metadata.labels?.['controller-revision-hash'] === revision) : [];
  }
  return selected;
}

const REVISION = 'deployment.kubernetes.io/revision';

/** pod-template-hash of the Deployment's current ReplicaSet (same owner, same revision). */
function currentTemplateHash(deployment: K8sObject, replicaSets: K8sObject[]): string | null {
  const revision = deployment.metadata.annotations?.[REVISION];
  if (!revision) return null;
  const current = replicaSets.find(
    (rs) =>
      ((rs.metadata.ownerReferences ?? []) as { uid?: string }[]).some((r) => r.uid === deployment.metadata.uid) &&
      rs.metadata.annotations?.[REVISION] === revision,
  );
  return current?.metadata.labels?.['pod-template-hash'] ?? null;
}
