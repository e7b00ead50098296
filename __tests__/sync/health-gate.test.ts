// The gate judges again only the tasks a Pod or ReplicaSet event concerns (owner chain Pod →
// ReplicaSet → Deployment, Job → pods, selectors), with the same verdicts as judging them all.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { EventBus } from '../../src/sync/events.js';
import { HealthGate } from '../../src/sync/health-gate.js';
import { HookCleanup } from '../../src/sync/hook-cleanup.js';
import { ObjectFeed } from '../../src/sync/object-feed.js';
import type { RunContext } from '../../src/sync/run-context.js';
import { StepTasks } from '../../src/sync/step-tasks.js';
import type { TaskTracker } from '../../src/sync/task-tracker.js';
import { planOf } from './fake-controllers.js';

const deployment = (name: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec: {containers: [{name: main, image: x}]}
`;
const jobDoc = `
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    metadata: {labels: {job: migrate}}
    spec: {restartPolicy: Never, containers: [{name: main, image: x}]}
`;

/** Watch events reach the feed asynchronously. */
const settle = () => new Promise((r) => setTimeout(r, 20));
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

/** One step of two Deployments, a Job and a ConfigMap, applied to the in-memory cluster, its gate watching. */
async function gateOverStep() {
  const cluster = new MemoryCluster();
  await cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
  const plan = planOf([deployment('web'), deployment('api'), jobDoc, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n'].join('---\n'));
  const feed = new ObjectFeed(cluster);
  const ctx = {
    cluster,
    bus: new EventBus(),
    feed,
    opts: { failFastAfterMs: 0 },
    now: () => Date.now(),
    cancel: new AbortController().signal,
    deadline: Date.now() + 60_000,
    liveName: (t: { name: string | null }) => t.name!,
    appliedAnything: true,
    lingeringLogs: [],
    hookCleanup: new HookCleanup(),
  } as unknown as RunContext;
  const tasks = new StepTasks(ctx, { phase: 'Sync', wave: 0, tasks: plan.steps.flatMap((s) => s.tasks) });
  for (const t of tasks.all) {
    const live = await cluster.apply(t.task.object);
    t.uid = live.metadata.uid as string;
    t.moveTo('Applying');
    t.moveTo(t.action === 'hook' ? 'Running' : 'Applied');
  }
  for (const [apiVersion, kind] of [
    ['apps/v1', 'Deployment'],
    ['apps/v1', 'ReplicaSet'],
    ['v1', 'Pod'],
    ['batch/v1', 'Job'],
    ['v1', 'ConfigMap'],
  ])
    await feed.ensure(apiVersion, kind, 'app');
  const gate = new HealthGate(ctx, tasks);
  stops.push(gate.watch());
  const judged: string[] = [];
  jest.spyOn(gate, 'evaluate').mockImplementation(function (this: HealthGate, t: TaskTracker, ...rest) {
    judged.push(t.liveName);
    return HealthGate.prototype.evaluate.call(this, t, ...rest);
  });
  const uid = (name: string) => tasks.all.find((t) => t.liveName === name)!.uid!;
  return { cluster, tasks, judged, uid };
}

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1', kind, name, uid }];
const podOf = (name: string, labels: Record<string, string>, ownerReferences: unknown[], waiting?: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'app', labels, ownerReferences },
  status: {
    phase: waiting ? 'Pending' : 'Running',
    containerStatuses: waiting ? [{ name: 'main', ready: false, restartCount: 3, state: { waiting: { reason: waiting, message: 'for test' } } }] : [],
  },
});

describe('HealthGate: who a Pod or ReplicaSet event concerns', () => {
  it('a pod no task owns or selects judges no task again', async () => {
    const { cluster, judged } = await gateOverStep();
    cluster.put(podOf('stray', { app: 'other' }, []));
    cluster.put({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'stray-rs', namespace: 'app', ownerReferences: owner('Deployment', 'gone', 'no-such-uid') },
    });
    await settle();
    expect(judged).toEqual([]);
  });

  it('a pod of a Deployment (through its ReplicaSet) judges that Deployment again, and no other task', async () => {
    const { cluster, judged, uid } = await gateOverStep();
    const rs = cluster.put({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-h1', namespace: 'app', labels: { app: 'web' }, ownerReferences: owner('Deployment', 'web', uid('web')) },
    });
    await settle();
    expect(judged).toEqual(['web']);
    judged.length = 0;
    // Labels outside the selector: found by the owner chain Pod → ReplicaSet → Deployment alone.
    cluster.put(podOf('web-h1-a', { 'pod-template-hash': 'h1' }, owner('ReplicaSet', 'web-h1', rs.metadata.uid as string)));
    await settle();
    expect(judged).toEqual(['web']);
    judged.length = 0;
    // Found by the selector alone (as podsOf picks a Deployment's pods).
    cluster.put(podOf('web-b', { app: 'web' }, []));
    await settle();
    expect(judged).toEqual(['web']);
  });

  it("a Job's pod judges the Job again", async () => {
    const { cluster, judged, uid } = await gateOverStep();
    cluster.put(podOf('migrate-x', { job: 'migrate' }, owner('Job', 'migrate', uid('migrate'))));
    await settle();
    expect(judged).toEqual(['migrate']);
  });

  it('the verdict a pod event brings is the one judging every task gave: a crash-looping pod fails its Deployment at once', async () => {
    const { cluster, tasks, uid } = await gateOverStep();
    const rev = { 'deployment.kubernetes.io/revision': '1' };
    const web = (await cluster.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'web' }))!;
    cluster.put({
      ...web,
      metadata: { ...web.metadata, annotations: { ...web.metadata.annotations, ...rev } },
      status: { observedGeneration: web.metadata.generation },
    });
    const rs = cluster.put({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-h1',
        namespace: 'app',
        labels: { 'pod-template-hash': 'h1' },
        annotations: rev,
        ownerReferences: owner('Deployment', 'web', uid('web')),
      },
    });
    cluster.put(podOf('web-h1-a', { app: 'web', 'pod-template-hash': 'h1' }, owner('ReplicaSet', 'web-h1', rs.metadata.uid as string), 'CrashLoopBackOff'));
    await settle();
    const byName = (n: string) => tasks.all.find((t) => t.liveName === n)!;
    expect(byName('web').state).toBe('Failed');
    expect(byName('web').message).toMatch(/CrashLoopBackOff/);
    expect(byName('api').state).toBe('Applied');
  });
});
