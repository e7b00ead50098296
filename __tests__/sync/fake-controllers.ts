// Test-only controllers for the in-memory cluster: they play the Deployment and Job controllers,
// steered by the same pod-template labels the real local cluster's KWOK stages use.
import type { K8sObject } from '../../src/manifests/types.js';
import type { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { parseManifestText } from '../../src/manifests/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';

const REVISION = 'deployment.kubernetes.io/revision';

const outcomeOf = (o: K8sObject): string | undefined => {
  const tpl = (o.spec as { template?: { metadata?: { labels?: Record<string, string> } } })?.template;
  return tpl?.metadata?.labels?.['wavesync.test/outcome'];
};
const runForMs = (o: K8sObject): number => {
  const tpl = (o.spec as { template?: { metadata?: { annotations?: Record<string, string> } } })?.template;
  return Number(tpl?.metadata?.annotations?.['wavesync.test/run-for-ms'] ?? 5);
};
const ref = (o: K8sObject) => ({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name! });

function podFor(owner: K8sObject, waiting?: string, extraLabels: Record<string, string> = {}, name = `${owner.metadata.name}-pod`): K8sObject {
  const tpl = (owner.spec as { template: { metadata?: { labels?: Record<string, string> }; spec: unknown } }).template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: { ...(tpl.metadata?.labels ?? {}), ...extraLabels },
      ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid }],
    },
    spec: tpl.spec,
    status: {
      phase: waiting ? 'Pending' : 'Running',
      containerStatuses: waiting
        ? [{ name: 'main', ready: false, restartCount: 3, state: { waiting: { reason: waiting, message: `${waiting} for test` } } }]
        : [],
    },
  };
}

export function installControllers(cluster: MemoryCluster): void {
  cluster.react('Deployment', (d) => {
    const status = d.status as { observedGeneration?: number } | undefined;
    if (status?.observedGeneration === d.metadata.generation) return;
    const revision = String(d.metadata.generation);
    if (d.metadata.annotations?.[REVISION] !== revision) {
      // Like the Deployment controller: a new revision gets its own ReplicaSet and pod-template-hash.
      cluster.put({ ...d, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: revision } } });
      cluster.put({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-h${revision}`,
          namespace: d.metadata.namespace,
          labels: { 'pod-template-hash': `h${revision}` },
          annotations: { [REVISION]: revision },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid }],
        },
      });
      return;
    }
    const replicas = Number((d.spec as { replicas?: number }).replicas ?? 1);
    const outcome = outcomeOf(d);
    const hash = { 'pod-template-hash': `h${revision}` };
    if (outcome === 'image-pull-backoff' || outcome === 'crash-loop')
      cluster.put(podFor(d, outcome === 'crash-loop' ? 'CrashLoopBackOff' : 'ImagePullBackOff', hash, `${d.metadata.name}-h${revision}-pod`));
    const available = outcome ? 0 : replicas;
    setTimeout(
      () =>
        cluster.setStatus(ref(d), {
          observedGeneration: d.metadata.generation,
          replicas,
          updatedReplicas: replicas,
          readyReplicas: available,
          availableReplicas: available,
          conditions: [{ type: 'Available', status: available === replicas ? 'True' : 'False' }],
        }),
      10,
    );
  });
  cluster.react('Job', (j) => {
    if ((j.status as { startTime?: string } | undefined)?.startTime) return;
    if (outcomeOf(j) === 'cannot-create') {
      // Like the Job controller when admission refuses its pods: a FailedCreate event, no pod.
      cluster.setStatus(ref(j), { startTime: new Date().toISOString(), active: 0 });
      cluster.put(
        failedCreateEvent(
          j,
          `Error creating: pods "${j.metadata.name}-x" is forbidden: error looking up service account ${j.metadata.namespace}/missing-sa: serviceaccount "missing-sa" not found`,
        ),
      );
      return;
    }
    cluster.setStatus(ref(j), { startTime: new Date().toISOString(), active: 1 });
    const pod = podFor(j);
    cluster.put(pod);
    cluster.setLogs(j.metadata.namespace!, pod.metadata.name!, [`${j.metadata.name} starting`, `${j.metadata.name} done`]);
    const fail = outcomeOf(j) === 'fail';
    setTimeout(() => {
      cluster.setStatus(
        { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace!, name: pod.metadata.name! },
        { phase: fail ? 'Failed' : 'Succeeded' },
      );
      cluster.setStatus(ref(j), {
        active: 0,
        [fail ? 'failed' : 'succeeded']: 1,
        conditions: [
          {
            type: fail ? 'Failed' : 'Complete',
            status: 'True',
            reason: fail ? 'BackoffLimitExceeded' : 'Completed',
            message: fail ? 'Job has reached the specified backoff limit' : '',
          },
        ],
      });
    }, runForMs(j)).unref();
  });
}

export function failedCreateEvent(owner: K8sObject, message: string, count = 4): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${owner.metadata.name}.failedcreate`, namespace: owner.metadata.namespace },
    type: 'Warning',
    reason: 'FailedCreate',
    message,
    count,
    lastTimestamp: new Date().toISOString(),
    involvedObject: { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, namespace: owner.metadata.namespace, uid: owner.metadata.uid },
  };
}

export async function seedNamespace(cluster: MemoryCluster, name: string): Promise<void> {
  await cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

export function planOf(yaml: string, opts: { namespace?: string; revision?: string } = {}): Plan {
  const loaded = parseManifestText(yaml, 'k8s/app.yaml');
  if (loaded.errors.length) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  const { plan, errors } = buildPlan(loaded.objects, { app: 'demo', namespace: opts.namespace ?? 'app', revision: opts.revision ?? 'abcdef1234' });
  if (errors.length) throw new Error(errors.map((e) => `${e.source?.line}: ${e.message}`).join('\n'));
  return plan;
}

export const job = (name: string, ann: Record<string, string>, opts: { outcome?: string; runForMs?: number } = {}) => `
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
  annotations:
${Object.entries(ann)
  .map(([k, v]) => `    ${k}: "${v}"`)
  .join('\n')}
spec:
  backoffLimit: 0
  template:
    metadata:
      labels:
        app: demo
${opts.outcome ? `        wavesync.test/outcome: ${opts.outcome}` : ''}
      annotations:
        wavesync.test/run-for-ms: "${opts.runForMs ?? 5}"
    spec:
      restartPolicy: Never
      containers: [{ name: main, image: busybox }]
`;

export const deployment = (name: string, wave: number, outcome?: string) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels:
        app: ${name}
${outcome ? `        wavesync.test/outcome: ${outcome}` : ''}
    spec:
      containers: [{ name: main, image: nginx }]
`;

export const configMap = (name: string, wave: number) => `
apiVersion: v1
kind: ConfigMap
metadata: { name: ${name}, annotations: { argocd.argoproj.io/sync-wave: "${wave}" } }
data: { a: "1" }
`;
