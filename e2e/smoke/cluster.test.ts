// Smoke tests proving the local control plane is real: the Deployment,
// ReplicaSet, Job, namespace and garbage-collector controllers of
// kube-controller-manager, the scheduler, and kwok's pod lifecycle stages.
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { SIM, appsApi, batchApi, condition, coreApi, kubeConfig, objectApi, statusCode, waitFor, withNamespace } from '../setup/cluster.js';

const IMAGE = 'registry.example/app:1.0';

function deployment(name: string, replicas: number, podAnnotations: Record<string, string> = {}): k8s.V1Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: podAnnotations },
        spec: { containers: [{ name: 'app', image: IMAGE }] },
      },
    },
  };
}

function job(name: string, podAnnotations: Record<string, string> = {}): k8s.V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { annotations: podAnnotations },
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: IMAGE }] },
      },
    },
  };
}

async function jobPods(namespace: string, jobName: string): Promise<k8s.V1Pod[]> {
  const list = await coreApi().listNamespacedPod({ namespace, labelSelector: `job-name=${jobName}` });
  return list.items;
}

async function waitJobCondition(namespace: string, name: string, type: 'Complete' | 'Failed'): Promise<k8s.V1Job> {
  return waitFor(
    async () => {
      const j = await batchApi().readNamespacedJob({ name, namespace });
      return condition(j.status?.conditions, type)?.status === 'True' ? j : undefined;
    },
    { timeoutMs: 60_000, description: `Job ${namespace}/${name} condition ${type}` },
  );
}

async function singlePod(namespace: string, labelSelector: string): Promise<k8s.V1Pod | undefined> {
  const list = await coreApi().listNamespacedPod({ namespace, labelSelector });
  return list.items.length === 1 ? list.items[0] : undefined;
}

describe('local control plane', () => {
  it('has 3 Ready kwok nodes without taints', async () => {
    const nodes = await coreApi().listNode();
    const ready = nodes.items.filter((n) => condition(n.status?.conditions, 'Ready')?.status === 'True' && !n.spec?.taints?.length);
    expect(ready.map((n) => n.metadata?.name).sort()).toEqual(['kwok-node-0', 'kwok-node-1', 'kwok-node-2']);
  });

  it('reports the real Kubernetes version', async () => {
    const v = await kubeConfig().makeApiClient(k8s.VersionApi).getCode();
    expect(v.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect(v.major).toBe('1');
  });

  it('a 3-replica Deployment becomes Available through the Deployment/ReplicaSet controllers', () =>
    withNamespace('smoke-deploy', async (namespace) => {
      const t0 = Date.now();
      await appsApi().createNamespacedDeployment({ namespace, body: deployment('web', 3) });
      const d = await waitFor(
        async () => {
          const d = await appsApi().readNamespacedDeployment({ name: 'web', namespace });
          return d.status?.availableReplicas === 3 && condition(d.status?.conditions, 'Available')?.status === 'True' ? d : undefined;
        },
        { timeoutMs: 60_000, description: 'Deployment web Available with 3 replicas' },
      );
      expect(d.status?.readyReplicas).toBe(3);
      expect(d.status?.updatedReplicas).toBe(3);
      const rs = await appsApi().listNamespacedReplicaSet({ namespace });
      expect(rs.items).toHaveLength(1);
      const pods = await coreApi().listNamespacedPod({ namespace, labelSelector: 'app=web' });
      expect(pods.items).toHaveLength(3);
      for (const p of pods.items) {
        expect(p.spec?.nodeName).toMatch(/^kwok-node-\d$/);
        expect(p.status?.phase).toBe('Running');
        expect(p.status?.podIP).toBeTruthy();
      }
      process.stderr.write(`[smoke] Deployment Available after ${Date.now() - t0}ms\n`);
    }));

  it('a Job completes (pod Succeeded, exit 0, reason Completed)', () =>
    withNamespace('smoke-job', async (namespace) => {
      await batchApi().createNamespacedJob({ namespace, body: job('ok') });
      await waitJobCondition(namespace, 'ok', 'Complete');
      const [pod] = await jobPods(namespace, 'ok');
      expect(pod.status?.phase).toBe('Succeeded');
      const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
      expect(term?.exitCode).toBe(0);
      expect(term?.reason).toBe('Completed');
    }));

  it(`${SIM.runFor} delays Job completion`, () =>
    withNamespace('smoke-runfor', async (namespace) => {
      const t0 = Date.now();
      await batchApi().createNamespacedJob({ namespace, body: job('slow', { [SIM.runFor]: '4s' }) });
      // Running (not yet complete) in between.
      await waitFor(async () => (await jobPods(namespace, 'slow'))[0]?.status?.phase === 'Running', {
        description: 'pod Running',
      });
      const running = await batchApi().readNamespacedJob({ name: 'slow', namespace });
      expect(condition(running.status?.conditions, 'Complete')).toBeUndefined();
      await waitJobCondition(namespace, 'slow', 'Complete');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(4000);
    }));

  it(`${SIM.outcome}=fail: a Job with backoffLimit 0 fails (exit code 1)`, () =>
    withNamespace('smoke-fail', async (namespace) => {
      await batchApi().createNamespacedJob({ namespace, body: job('bad', { [SIM.outcome]: 'fail' }) });
      const j = await waitJobCondition(namespace, 'bad', 'Failed');
      expect(condition(j.status?.conditions, 'Failed')?.reason).toBe('BackoffLimitExceeded');
      const [pod] = await jobPods(namespace, 'bad');
      expect(pod.status?.phase).toBe('Failed');
      expect(pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(1);
    }));

  it(`${SIM.outcome}=never-ready: a Deployment stays unavailable and hits ProgressDeadlineExceeded`, () =>
    withNamespace('smoke-never-ready', async (namespace) => {
      const body = deployment('stuck', 2, { [SIM.outcome]: 'never-ready' });
      body.spec!.progressDeadlineSeconds = 5;
      await appsApi().createNamespacedDeployment({ namespace, body });
      const d = await waitFor(
        async () => {
          const d = await appsApi().readNamespacedDeployment({ name: 'stuck', namespace });
          return condition(d.status?.conditions, 'Progressing')?.reason === 'ProgressDeadlineExceeded' ? d : undefined;
        },
        { timeoutMs: 60_000, description: 'ProgressDeadlineExceeded' },
      );
      expect(d.status?.availableReplicas ?? 0).toBe(0);
      expect(condition(d.status?.conditions, 'Available')?.status).toBe('False');
      const pods = await coreApi().listNamespacedPod({ namespace, labelSelector: 'app=stuck' });
      for (const p of pods.items) {
        expect(p.status?.phase).toBe('Running');
        expect(condition(p.status?.conditions, 'Ready')?.status).toBe('False');
      }
    }));

  it(`${SIM.outcome}=image-pull-backoff and crash-loop set the container waiting reasons`, () =>
    withNamespace('smoke-waiting', async (namespace) => {
      await appsApi().createNamespacedDeployment({
        namespace,
        body: deployment('pull', 1, { [SIM.outcome]: 'image-pull-backoff' }),
      });
      await appsApi().createNamespacedDeployment({
        namespace,
        body: deployment('crash', 1, { [SIM.outcome]: 'crash-loop' }),
      });
      const pull = await waitFor(
        async () => {
          const p = await singlePod(namespace, 'app=pull');
          return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'ImagePullBackOff' ? p : undefined;
        },
        { description: 'ImagePullBackOff' },
      );
      expect(pull.status?.phase).toBe('Pending');
      const crash = await waitFor(
        async () => {
          const p = await singlePod(namespace, 'app=crash');
          return p?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' ? p : undefined;
        },
        { description: 'CrashLoopBackOff' },
      );
      expect(crash.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThan(0);
      expect(crash.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
    }));

  it('foreground deletion of a running Job removes its pods and the Job', () =>
    withNamespace('smoke-delete', async (namespace) => {
      await batchApi().createNamespacedJob({ namespace, body: job('long', { [SIM.runFor]: '10m' }) });
      await waitFor(async () => (await jobPods(namespace, 'long'))[0]?.status?.phase === 'Running', {
        description: 'pod Running',
      });
      await batchApi().deleteNamespacedJob({ name: 'long', namespace, propagationPolicy: 'Foreground' });
      await waitFor(
        async () => {
          try {
            await batchApi().readNamespacedJob({ name: 'long', namespace });
            return false;
          } catch (e) {
            return statusCode(e) === 404;
          }
        },
        { timeoutMs: 60_000, description: 'Job deleted' },
      );
      expect(await jobPods(namespace, 'long')).toHaveLength(0);
    }));

  it(`${SIM.log} controls what \`kubectl logs\` returns`, () =>
    withNamespace('smoke-logs', async (namespace) => {
      await batchApi().createNamespacedJob({
        namespace,
        body: job('logger', { [SIM.log]: 'hello from the job\nsecond line', [SIM.runFor]: '2s' }),
      });
      const pod = await waitFor(async () => (await jobPods(namespace, 'logger'))[0]?.metadata?.name, {
        description: 'Job pod',
      });
      const text = await waitFor(
        async () => {
          const t = await coreApi().readNamespacedPodLog({ name: pod, namespace, container: 'main' });
          return t.includes('second line') ? t : undefined;
        },
        { timeoutMs: 30_000, description: 'pod logs' },
      );
      expect(text).toBe('hello from the job\nsecond line\n');
      const tail = await coreApi().readNamespacedPodLog({ name: pod, namespace, container: 'main', tailLines: 1 });
      expect(tail).toBe('second line\n');
      await waitJobCondition(namespace, 'logger', 'Complete');
      // Still readable after the pod completed.
      expect(await coreApi().readNamespacedPodLog({ name: pod, namespace })).toContain('hello from the job');
    }));

  it('creates a Service, a ConfigMap, a CRD and a custom resource', () =>
    withNamespace('smoke-objects', async (namespace) => {
      const svc = await coreApi().createNamespacedService({
        namespace,
        body: {
          metadata: { name: 'web' },
          spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
        },
      });
      expect(svc.spec?.clusterIP).toMatch(/^10\.96\./);
      await coreApi().createNamespacedConfigMap({ namespace, body: { metadata: { name: 'cfg' }, data: { a: '1' } } });
      expect((await coreApi().readNamespacedConfigMap({ name: 'cfg', namespace })).data).toEqual({ a: '1' });

      const group = `${namespace}.wavesync.test`; // unique per test run
      const ext = kubeConfig().makeApiClient(k8s.ApiextensionsV1Api);
      const crdName = `widgets.${group}`;
      await ext.createCustomResourceDefinition({
        body: {
          metadata: { name: crdName },
          spec: {
            group,
            scope: 'Namespaced',
            names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
            versions: [
              {
                name: 'v1',
                served: true,
                storage: true,
                schema: {
                  openAPIV3Schema: {
                    type: 'object',
                    properties: {
                      spec: { type: 'object', properties: { size: { type: 'integer' } } },
                    },
                  },
                },
              },
            ],
          },
        },
      });
      try {
        await waitFor(
          async () => {
            const crd = await ext.readCustomResourceDefinition({ name: crdName });
            return condition(crd.status?.conditions, 'Established')?.status === 'True';
          },
          { description: 'CRD Established' },
        );
        const custom = kubeConfig().makeApiClient(k8s.CustomObjectsApi);
        // Discovery of a just-established CRD can lag a moment: retry the create.
        await waitFor(
          () =>
            custom.createNamespacedCustomObject({
              group,
              version: 'v1',
              namespace,
              plural: 'widgets',
              body: { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } },
            }),
          { timeoutMs: 30_000, description: 'custom resource created' },
        );
        const w = (await custom.getNamespacedCustomObject({
          group,
          version: 'v1',
          namespace,
          plural: 'widgets',
          name: 'w1',
        })) as { spec: { size: number } };
        expect(w.spec.size).toBe(3);
      } finally {
        await ext.deleteCustomResourceDefinition({ name: crdName });
      }
    }));

  it('server-side apply (force, fieldManager) and dryRun=All work through KubernetesObjectApi', () =>
    withNamespace('smoke-ssa', async (namespace) => {
      const api = objectApi();
      const cm = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'applied', namespace },
        data: { owner: 'wavesync' },
      };
      // dryRun=All: validated and defaulted by the server, not persisted.
      const dry = await api.patch(cm, undefined, 'All', 'wavesync', true, k8s.PatchStrategy.ServerSideApply);
      expect(dry.metadata?.name).toBe('applied');
      await expect(api.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied', namespace } })).rejects.toMatchObject({
        code: 404,
      });

      const applied = (await api.patch(cm, undefined, undefined, 'wavesync', true, k8s.PatchStrategy.ServerSideApply)) as k8s.V1ConfigMap;
      expect(applied.metadata?.managedFields?.map((f) => f.manager)).toContain('wavesync');

      // A second manager takes over a field only with force.
      const other = { ...cm, data: { owner: 'someone-else' } };
      await expect(api.patch(other, undefined, undefined, 'other-manager', false, k8s.PatchStrategy.ServerSideApply)).rejects.toMatchObject({ code: 409 });
      const forced = (await api.patch(other, undefined, undefined, 'other-manager', true, k8s.PatchStrategy.ServerSideApply)) as k8s.V1ConfigMap;
      expect(forced.data).toEqual({ owner: 'someone-else' });

      // dryRun create of a Deployment is defaulted by the server but not stored.
      const dryDeploy = (await api.create({ ...deployment('dry', 1), metadata: { name: 'dry', namespace } }, undefined, 'All')) as k8s.V1Deployment;
      expect(dryDeploy.spec?.strategy?.type).toBe('RollingUpdate');
      const list = await appsApi().listNamespacedDeployment({ namespace });
      expect(list.items).toHaveLength(0);
    }));
});
