// The client-node ClusterPort adapter against the real local control plane.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { K8sObject } from '../../src/manifests/types.js';
import { ApiError, type ClusterPort, type WatchEvent } from '../../src/cluster/port.js';
import { createKubeCluster, type KubeCluster } from '../../src/cluster/kube/adapter.js';
import { KubeHttp } from '../../src/cluster/kube/http.js';
import { kubeTransport, type Transport } from '../../src/cluster/kube/transport.js';
import { WatchHub, type WatchSource } from '../../src/cluster/kube/watch-hub.js';
import { httpWatchSource } from '../../src/cluster/kube/watch-source.js';
import { loadKubeConfig } from '../../src/cluster/kubeconfig.js';
import { waitGone } from '../../src/cluster/wait.js';
import { kubeconfigPath, uniqueName, useNamespace } from '../setup/cluster.js';

const kc = () => loadKubeConfig({ path: kubeconfigPath() });

function configMap(ns: string, name: string, data: Record<string, string>, extra: Partial<K8sObject['metadata']> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, ...extra }, data };
}

const cmRef = (ns: string, name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name });

/** Resolve when `check` holds for the events seen so far (events arrive from the watch). */
async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('kube adapter', () => {
  const ns = useNamespace('adapter');
  let cluster: KubeCluster;
  beforeAll(() => {
    cluster = createKubeCluster(kc());
  });
  afterAll(async () => {
    await cluster.close();
  });

  it('resolves built-in kinds and returns null for unknown ones', async () => {
    expect(await cluster.resolve('apps/v1', 'Deployment')).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      plural: 'deployments',
      namespaced: true,
    });
    expect(await cluster.resolve('v1', 'Namespace')).toMatchObject({ plural: 'namespaces', namespaced: false });
    expect(await cluster.resolve('batch/v1', 'Job')).toMatchObject({ plural: 'jobs' });
    expect(await cluster.resolve('apps/v1', 'Gadget')).toBeNull();
    expect(await cluster.resolve('nope.example.com/v1', 'Gadget')).toBeNull();
  });

  it('resolves a CRD kind after the CRD is established and discovery is invalidated', async () => {
    const group = `${uniqueName('g')}.wavesync.test`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } },
          },
        ],
      },
    } as K8sObject;
    expect(await cluster.resolve(`${group}/v1`, 'Widget')).toBeNull();
    await cluster.apply(crd);
    try {
      let established = false;
      const deadline = Date.now() + 30_000;
      while (!established && Date.now() < deadline) {
        const live = await cluster.get({ apiVersion: crd.apiVersion, kind: crd.kind, namespace: null, name: crd.metadata.name! });
        const conditions = (live?.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? [];
        established = conditions.some((c) => c.type === 'Established' && c.status === 'True');
        if (!established) await new Promise((r) => setTimeout(r, 100));
      }
      expect(established).toBe(true);
      // A "not served" answer is never cached (issue 8): the kind resolves once discovery serves it
      // (kube-apiserver publishes it shortly after Established; on a loaded machine that took
      // longer than one request), with no invalidation in between.
      let resolved = await cluster.resolve(`${group}/v1`, 'Widget');
      for (const until = Date.now() + 15_000; !resolved && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 200));
        resolved = await cluster.resolve(`${group}/v1`, 'Widget');
      }
      expect(resolved).toEqual({
        group,
        version: 'v1',
        kind: 'Widget',
        plural: 'widgets',
        namespaced: true,
      });
      const widget = await cluster.apply({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w', namespace: ns.name }, spec: { size: 3 } });
      expect(widget.spec).toEqual({ size: 3 });
    } finally {
      await cluster.delete({ apiVersion: crd.apiVersion, kind: crd.kind, namespace: null, name: crd.metadata.name! });
    }
  });

  it('server-side applies: creates, updates, records the wavesync field manager', async () => {
    const created = await cluster.apply(configMap(ns.name, 'applied', { a: '1' }));
    expect(created.data).toEqual({ a: '1' });
    const updated = await cluster.apply(configMap(ns.name, 'applied', { a: '2', b: '3' }));
    expect(updated.data).toEqual({ a: '2', b: '3' });
    const live = await cluster.get(cmRef(ns.name, 'applied'));
    expect(live?.data).toEqual({ a: '2', b: '3' });
    const managers = (live?.metadata.managedFields as Array<{ manager: string; operation: string }>).map((m) => `${m.manager}:${m.operation}`);
    expect(managers).toContain('wavesync:Apply');
  });

  it('dry run persists nothing', async () => {
    const result = await cluster.apply(configMap(ns.name, 'dry', { a: '1' }), { dryRun: true });
    expect(result.metadata.name).toBe('dry');
    expect(await cluster.get(cmRef(ns.name, 'dry'))).toBeNull();
    await cluster.create(configMap(ns.name, 'dry-create', { a: '1' }), { dryRun: true });
    expect(await cluster.get(cmRef(ns.name, 'dry-create'))).toBeNull();
  });

  it('strict field validation rejects a misspelt field, naming it', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'typo', namespace: ns.name },
      spec: {
        replcas: 2,
        selector: { matchLabels: { app: 'typo' } },
        template: { metadata: { labels: { app: 'typo' } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
      },
    } as K8sObject;
    const err = await cluster.apply(deployment, { dryRun: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBeGreaterThanOrEqual(400);
    expect((err as ApiError).status).toBeLessThan(500);
    expect((err as ApiError).message).toContain('replcas');
    // The same through create (POST) and replace (PUT), which decode strictly.
    await expect(cluster.create(deployment, { dryRun: true })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('replcas') });
    await expect(cluster.replace(deployment, { dryRun: true })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('replcas') });
    // Ignore lets it through POST/PUT (the field is dropped); server-side apply rejects unknown
    // fields whatever fieldValidation says, because it merges typed objects.
    await expect(cluster.create(deployment, { dryRun: true, fieldValidation: 'Ignore' })).resolves.toBeDefined();
    await expect(cluster.apply(deployment, { dryRun: true, fieldValidation: 'Ignore' })).rejects.toMatchObject({ status: 422 });
  });

  it('replace overwrites the whole object and creates a missing one', async () => {
    await cluster.apply(configMap(ns.name, 'replaced', { a: '1', b: '2' }));
    const replaced = await cluster.replace(configMap(ns.name, 'replaced', { c: '3' }));
    expect(replaced.data).toEqual({ c: '3' });
    const fresh = await cluster.replace(configMap(ns.name, 'replaced-new', { d: '4' }));
    expect(fresh.metadata.uid).toBeTruthy();
    expect((await cluster.get(cmRef(ns.name, 'replaced-new')))?.data).toEqual({ d: '4' });
  });

  it('create supports generateName', async () => {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'hook-', namespace: ns.name }, data: {} };
    const one = await cluster.create(obj);
    const two = await cluster.create(obj);
    expect(one.metadata.name).toMatch(/^hook-[a-z0-9]{5}$/);
    expect(two.metadata.name).not.toBe(one.metadata.name);
    await expect(cluster.create(configMap(ns.name, one.metadata.name!, {}))).rejects.toMatchObject({ status: 409 });
  });

  it('lists with a label selector', async () => {
    await cluster.apply(configMap(ns.name, 'labelled', {}, { labels: { pick: 'me' } }));
    const items = await cluster.list('v1', 'ConfigMap', ns.name, { labelSelector: 'pick=me' });
    expect(items.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ConfigMap/labelled']);
  });

  it('delete returns false for a missing object; waitGone waits for finalizers', async () => {
    expect(await cluster.delete(cmRef(ns.name, 'never-there'))).toBe(false);
    await cluster.create(configMap(ns.name, 'held', {}, { finalizers: ['wavesync.test/hold'] }));
    expect(await cluster.delete(cmRef(ns.name, 'held'), 'Foreground')).toBe(true);
    let gone = false;
    const waiting = waitGone(cluster, cmRef(ns.name, 'held'), { timeoutMs: 30_000 }).then(() => (gone = true));
    await new Promise((r) => setTimeout(r, 500));
    expect(gone).toBe(false);
    const live = await cluster.get(cmRef(ns.name, 'held'));
    expect(live?.metadata.deletionTimestamp).toBeTruthy();
    await cluster.replace({ ...live!, metadata: { ...live!.metadata, finalizers: [] } });
    await waiting;
    expect(gone).toBe(true);
    expect(await cluster.get(cmRef(ns.name, 'held'))).toBeNull();

    await cluster.apply(configMap(ns.name, 'short-lived', {}));
    await cluster.delete(cmRef(ns.name, 'short-lived'), 'Foreground');
    await waitGone(cluster, cmRef(ns.name, 'short-lived'));
    expect(await cluster.get(cmRef(ns.name, 'short-lived'))).toBeNull();
  });
});

describe('kube adapter watches', () => {
  const ns = useNamespace('watch');

  /** An adapter whose watch requests are counted at the HTTP level. */
  function counted(watchTimeoutSeconds?: number): { cluster: KubeCluster; watchRequests: () => number; listRequests: () => number } {
    const config = kc();
    const inner = kubeTransport(config);
    let watches = 0;
    let lists = 0;
    const transport: Transport = (req) => {
      if (req.method === 'GET' && req.path.endsWith('/configmaps')) {
        if (req.query?.watch) watches++;
        else lists++;
      }
      return inner(req);
    };
    const cluster = createKubeCluster(config, { transport, watch: { timeoutSeconds: watchTimeoutSeconds } });
    return { cluster, watchRequests: () => watches, listRequests: () => lists };
  }

  function recorder() {
    const events: string[] = [];
    return { events, handler: (e: WatchEvent) => events.push(`${e.type} ${e.object.metadata.name}`) };
  }

  it('delivers ADDED/MODIFIED/DELETED, shared by two subscribers over one watch', async () => {
    const { cluster, watchRequests, listRequests } = counted();
    const c: ClusterPort = cluster;
    try {
      await c.apply(configMap(ns.name, 'before', { a: '1' }));
      const first = recorder();
      const second = recorder();
      const un1 = await c.watch('v1', 'ConfigMap', ns.name, first.handler);
      const un2 = await c.watch('v1', 'ConfigMap', ns.name, second.handler);
      expect(first.events).toContain('ADDED before');
      expect(second.events).toContain('ADDED before');

      await c.apply(configMap(ns.name, 'w', { a: '1' }));
      await c.apply(configMap(ns.name, 'w', { a: '2' }));
      await c.delete(cmRef(ns.name, 'w'));
      const expected = ['ADDED w', 'MODIFIED w', 'DELETED w'];
      const ofW = (events: string[]) => events.filter((e) => e.endsWith(' w'));
      await until(() => ofW(first.events).length >= 3 && ofW(second.events).length >= 3, 'events of w');
      expect(ofW(first.events)).toEqual(expected);
      expect(ofW(second.events)).toEqual(expected);

      expect(watchRequests()).toBe(1);
      expect(listRequests()).toBe(1);
      expect(Object.values(cluster.watchStats())).toEqual([{ lists: 1, watches: 1, subscribers: 2 }]);
      un1();
      un2();
      expect(cluster.watchStats()).toEqual({});
    } finally {
      await cluster.close();
    }
  });

  it('resumes from the last resourceVersion when the server ends the stream, without re-listing', async () => {
    const { cluster, watchRequests, listRequests } = counted(1);
    try {
      const r = recorder();
      const unsubscribe = await cluster.watch('v1', 'ConfigMap', ns.name, r.handler);
      const existing = r.events.length;
      await until(() => watchRequests() >= 3, 'the watch to be resumed twice', 20_000);
      await cluster.apply(configMap(ns.name, 'after-resume', {}));
      await until(() => r.events.includes('ADDED after-resume'), 'ADDED after-resume');
      // No duplicate ADDED for the objects delivered by the list.
      expect(r.events.slice(0, existing).every((e) => e.startsWith('ADDED'))).toBe(true);
      expect(r.events.slice(existing)).toEqual(['ADDED after-resume']);
      expect(listRequests()).toBe(1);
      unsubscribe();
    } finally {
      await cluster.close();
    }
  });
});

/**
 * Compact etcd's history up to now, as the API server does every few minutes, so that an old
 * resourceVersion really is gone. A freshly started cluster has not compacted yet.
 */
async function compactEtcd(): Promise<void> {
  const envFile = path.join(path.dirname(kubeconfigPath()), 'env');
  if (!fs.existsSync(envFile)) return;
  const port = /ETCD_PORT=(\d+)/.exec(fs.readFileSync(envFile, 'utf8'))?.[1];
  if (!port) return;
  const head = (await (await fetch(`http://127.0.0.1:${port}/v3/kv/range`, { method: 'POST', body: '{"key":"AA=="}' })).json()) as {
    header: { revision: string };
  };
  await fetch(`http://127.0.0.1:${port}/v3/kv/compaction`, { method: 'POST', body: JSON.stringify({ revision: head.header.revision, physical: true }) });
}

const event = (ns: string, name: string): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: ns },
  involvedObject: { kind: 'ConfigMap', name: 'subject', namespace: ns },
  reason: 'Testing',
  message: `event ${name}`,
  type: 'Normal',
});

describe('watch hub on 410 Gone from the real server', () => {
  const ns = useNamespace('gone');

  it('re-lists and reports objects deleted while the resourceVersion was expired', async () => {
    const cluster = createKubeCluster(kc());
    const http = new KubeHttp(kubeTransport(kc()));
    // Events, because the API server keeps no watch cache for them: a watch goes to etcd, whose
    // compacted history answers 410 however young the cluster is.
    const real = httpWatchSource(http, `/api/v1/namespaces/${ns.name}/events`, 'v1', 'Event');
    let firstWatch = true;
    const watchRvs: string[] = [];
    // The first watch asks for resourceVersion 1, long compacted away: the server answers 410 Expired.
    const source: WatchSource = {
      list: (signal) => real.list(signal),
      watch: (rv, onEvent, signal) => {
        const from = firstWatch ? '1' : rv;
        firstWatch = false;
        watchRvs.push(from);
        return real.watch(from, onEvent, signal);
      },
    };
    // No backoff between reconnects here: the hub must be stopped whatever happens, or it spins.
    let hub: WatchHub | undefined;
    try {
      await cluster.apply(event(ns.name, 'stays'));
      await cluster.apply(event(ns.name, 'goes'));
      await compactEtcd();
      // Listed now; deleted before the (expired) watch can report it.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const gated: WatchSource = {
        list: source.list,
        watch: async (rv, onEvent, signal) => {
          await gate;
          return source.watch(rv, onEvent, signal);
        },
      };
      hub = new WatchHub(gated, { sleep: async () => {} });
      const events: string[] = [];
      await hub.subscribe((e) => {
        if (['stays', 'goes', 'new'].includes(e.object.metadata.name ?? '')) events.push(`${e.type} ${e.object.metadata.name}`);
      });
      expect(events.sort()).toEqual(['ADDED goes', 'ADDED stays']);
      await cluster.delete({ apiVersion: 'v1', kind: 'Event', namespace: ns.name, name: 'goes' });
      await cluster.apply(event(ns.name, 'new'));
      release();
      await until(() => events.includes('DELETED goes') && events.includes('ADDED new'), 're-list differences');
      expect(hub.stats.lists).toBe(2);
      expect(watchRvs[0]).toBe('1');
      expect(watchRvs.length).toBeGreaterThanOrEqual(2);
      expect(events.filter((e) => e.endsWith(' stays'))).toEqual(['ADDED stays']);
    } finally {
      hub?.stop();
      await cluster.close();
    }
  });
});

describe('kube adapter pod logs', () => {
  const ns = useNamespace('logs');

  it('streams the container log lines', async () => {
    const cluster = createKubeCluster(kc());
    try {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'talker', namespace: ns.name, annotations: { 'wavesync.test/log': 'first line\nsecond line\nthird line' } },
        spec: { containers: [{ name: 'main', image: 'registry.example/talker:1' }] },
      } as K8sObject;
      await cluster.create(pod);
      // The simulated kubelet serves logs once the pod runs and its log file is in place.
      let lines: string[] = [];
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        lines = [];
        try {
          await cluster.podLogs(ns.name, 'talker', { container: 'main', follow: false }, (l) => lines.push(l));
        } catch (err) {
          // "container is waiting to start" and the like, until the pod runs.
          if (!(err instanceof ApiError)) throw err;
        }
        if (lines.length >= 3) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(lines).toEqual(['first line', 'second line', 'third line']);

      const tail: string[] = [];
      await cluster.podLogs(ns.name, 'talker', { container: 'main', follow: false, tailLines: 1 }, (l) => tail.push(l));
      expect(tail).toEqual(['third line']);

      // Following ends when aborted.
      const ac = new AbortController();
      const followed: string[] = [];
      const following = cluster.podLogs(ns.name, 'talker', { follow: true, signal: ac.signal }, (l) => followed.push(l));
      await until(() => followed.length >= 3, 'followed lines');
      ac.abort();
      await following;
    } finally {
      await cluster.close();
    }
  });
});
