// The adapter's HTTP requests and answers, on a fake transport (the real server is in e2e/cluster).
import { describe, expect, it } from '@jest/globals';
import { KubeConfig } from '../../src/cluster/kubeconfig-model.js';
import { ApiError, type WatchEvent } from '../../src/cluster/port.js';
import { createKubeCluster } from '../../src/cluster/kube/adapter.js';
import type { HttpRequest, HttpResponse, Transport } from '../../src/cluster/kube/transport.js';

function kubeconfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://user:pw@api.example.test:6443/prefix', skipTLSVerify: true }],
    users: [{ name: 'u', token: 'x' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u', namespace: 'team' }],
    currentContext: 'ctx',
  });
  return kc;
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(c) {
      // Split mid-line to exercise the line splitter.
      c.enqueue(bytes.slice(0, 7));
      c.enqueue(bytes.slice(7));
      c.close();
    },
  });
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers, text: async () => text, stream: () => streamOf(text) };
}

const RESOURCES: Record<string, unknown> = {
  '/api/v1': {
    resources: [
      { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
      { name: 'namespaces', kind: 'Namespace', namespaced: false },
      { name: 'pods', kind: 'Pod', namespaced: true },
      { name: 'pods/log', kind: 'Pod', namespaced: true },
    ],
  },
  '/apis/apps/v1': {
    resources: [
      { name: 'deployments/status', kind: 'Deployment', namespaced: true },
      { name: 'deployments', kind: 'Deployment', namespaced: true },
    ],
  },
};

/** A scripted server: discovery answers built in, everything else from `handle`. */
function fakeServer(handle: (req: HttpRequest) => HttpResponse | undefined) {
  const requests: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    requests.push(req);
    const discovery = req.method === 'GET' && RESOURCES[req.path];
    if (discovery) return reply(200, discovery);
    return handle(req) ?? reply(404, { kind: 'Status', code: 404, reason: 'NotFound', message: `${req.path} not found` });
  };
  return { transport, requests };
}

const noRetry = { retry: { maxAttempts: 1 } };
const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'app' }, data: { a: '1' } };

describe('createKubeCluster', () => {
  it('resolves kinds through discovery, cached per group/version, ignoring subresources; misses are asked again', async () => {
    const { transport, requests } = fakeServer(() => undefined);
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    expect(await cluster.resolve('apps/v1', 'Deployment')).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      plural: 'deployments',
      namespaced: true,
    });
    expect(await cluster.resolve('v1', 'Namespace')).toMatchObject({ group: '', plural: 'namespaces', namespaced: false });
    expect(await cluster.resolve('v1', 'Namespace')).toMatchObject({ plural: 'namespaces' });
    expect(requests.map((r) => r.path)).toEqual(['/apis/apps/v1', '/api/v1']);
    // A CRD applied a moment ago may start serving a kind at any time: a miss is not remembered.
    expect(await cluster.resolve('example.com/v1', 'Widget')).toBeNull();
    expect(await cluster.resolve('example.com/v1', 'Widget')).toBeNull();
    expect(requests.map((r) => r.path).slice(2)).toEqual(['/apis/example.com/v1', '/apis/example.com/v1']);
    expect(await cluster.resolve('apps/v1', 'StatefulSet')).toBeNull();
    await cluster.resolve('apps/v1', 'Deployment');
    expect(requests.map((r) => r.path).slice(4)).toEqual(['/apis/apps/v1']);
    cluster.invalidateDiscovery();
    await cluster.resolve('v1', 'Namespace');
    expect(requests).toHaveLength(6);
  });

  it('applies with server-side apply, field manager wavesync, force, strict validation', async () => {
    const { transport, requests } = fakeServer((req) => (req.method === 'PATCH' ? reply(200, { ...cm, live: true }) : undefined));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    expect(await cluster.apply(cm)).toMatchObject({ live: true });
    await cluster.apply(cm, { dryRun: true, fieldValidation: 'Ignore' });
    const [plain, dry] = requests.filter((r) => r.method === 'PATCH');
    expect(plain).toMatchObject({
      path: '/api/v1/namespaces/app/configmaps/cfg',
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: 'wavesync', force: true, fieldValidation: 'Strict', dryRun: undefined },
      body: cm,
    });
    expect(dry!.query).toMatchObject({ dryRun: 'All', fieldValidation: 'Ignore' });
  });

  it('defaults the namespace from the context and drops it for cluster-scoped kinds', async () => {
    const { transport, requests } = fakeServer(() => reply(200, {}));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    await cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'y', namespace: 'ignored' } });
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual(['/api/v1/namespaces/team/configmaps/x', '/api/v1/namespaces/y']);
  });

  it('turns a Status body into ApiError with its message and reason', async () => {
    const status = { kind: 'Status', code: 422, reason: 'Invalid', message: 'ConfigMap "cfg" is invalid: unknown field "dta"' };
    const { transport } = fakeServer(() => reply(422, status));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    const err = await cluster.apply(cm).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, reason: 'Invalid', message: status.message });
    await expect(cluster.apply({ ...cm, kind: 'Nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('reports an unknown field rejected by server-side apply (a 500) as 422 Invalid, without retrying', async () => {
    let patches = 0;
    const message = 'failed to create typed patch object (app/cfg; /v1, Kind=ConfigMap): .dta: field not declared in schema';
    const { transport } = fakeServer((req) => {
      if (req.method !== 'PATCH') return undefined;
      patches++;
      return reply(500, { kind: 'Status', status: 'Failure', message, code: 500 });
    });
    const cluster = createKubeCluster(kubeconfig(), { transport, retry: { baseMs: 1, capMs: 2 } });
    await expect(cluster.apply(cm)).rejects.toMatchObject({ status: 422, reason: 'Invalid', message });
    expect(patches).toBe(1);
  });

  it('retries a 429 with Retry-After and a 503 before succeeding', async () => {
    let calls = 0;
    const { transport } = fakeServer((req) => {
      if (req.method !== 'GET') return undefined;
      calls++;
      if (calls === 1) return reply(429, { message: 'slow down' }, { 'retry-after': '0' });
      if (calls === 2) return reply(503, 'unavailable');
      return reply(200, cm);
    });
    const cluster = createKubeCluster(kubeconfig(), { transport, retry: { baseMs: 1, capMs: 2 } });
    expect(await cluster.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'app', name: 'cfg' })).toMatchObject(cm);
    expect(calls).toBe(3);
  });

  it('get is null and delete false on 404; delete passes the propagation policy', async () => {
    const { transport, requests } = fakeServer((req) => (req.method === 'DELETE' && req.path.endsWith('/there') ? reply(200, {}) : undefined));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'app', name: 'gone' };
    expect(await cluster.get(ref)).toBeNull();
    expect(await cluster.delete(ref)).toBe(false);
    expect(await cluster.delete({ ...ref, name: 'there' }, 'Foreground')).toBe(true);
    expect(requests.at(-1)!.query).toMatchObject({ propagationPolicy: 'Foreground' });
    expect(await cluster.get({ ...ref, kind: 'Unserved' })).toBeNull();
  });

  it('replace PUTs, and creates with POST when the object is missing', async () => {
    const { transport, requests } = fakeServer((req) => (req.method === 'POST' ? reply(201, cm) : undefined));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    await cluster.replace(cm);
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/v1/namespaces/app/configmaps/cfg',
      'POST /api/v1/namespaces/app/configmaps',
    ]);
  });

  it('lists with selectors and fills in apiVersion and kind of the items', async () => {
    const { transport, requests } = fakeServer((req) =>
      req.path === '/api/v1/namespaces/app/configmaps' ? reply(200, { items: [{ metadata: { name: 'a' } }] }) : undefined,
    );
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    const items = await cluster.list('v1', 'ConfigMap', 'app', { labelSelector: 'x=y' });
    expect(items).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }]);
    expect(requests.at(-1)!.query).toMatchObject({ labelSelector: 'x=y' });
  });

  it('watch lists then streams; an ERROR 410 event makes it re-list', async () => {
    let lists = 0;
    const watchRvs: string[] = [];
    const { transport } = fakeServer((req) => {
      if (req.path !== '/api/v1/namespaces/app/configmaps') return undefined;
      if (!req.query?.watch) {
        lists++;
        return reply(200, {
          metadata: { resourceVersion: lists === 1 ? '10' : '50' },
          items: lists === 1 ? [{ metadata: { name: 'a', resourceVersion: '9' } }] : [],
        });
      }
      watchRvs.push(String(req.query.resourceVersion));
      if (watchRvs.length === 1) {
        const lines = [
          { type: 'ADDED', object: { ...cm, metadata: { name: 'b', resourceVersion: '11' } } },
          { type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' } },
        ];
        return reply(200, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      }
      // Later watches hang until aborted.
      return { status: 200, headers: {}, text: async () => '', stream: () => new ReadableStream({ start() {} }) };
    });
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry, watch: { sleep: async () => {} } });
    const events: string[] = [];
    const unsubscribe = await cluster.watch('v1', 'ConfigMap', 'app', (e: WatchEvent) => events.push(`${e.type} ${e.object.metadata.name}`));
    for (let i = 0; i < 50 && watchRvs.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(watchRvs).toEqual(['10', '50']);
    expect(events).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b']);
    expect(Object.values(cluster.watchStats())).toEqual([{ lists: 2, watches: 2, subscribers: 1 }]);
    unsubscribe();
    expect(cluster.watchStats()).toEqual({});
    await cluster.close();
  });

  it('streams pod logs line by line', async () => {
    const { transport, requests } = fakeServer((req) => (req.path.endsWith('/log') ? reply(200, 'one\ntwo\r\nthree') : undefined));
    const cluster = createKubeCluster(kubeconfig(), { transport, ...noRetry });
    const lines: string[] = [];
    await cluster.podLogs('app', 'p', { follow: true, container: 'main', tailLines: 50 }, (l) => lines.push(l));
    expect(lines).toEqual(['one', 'two', 'three']);
    expect(requests.at(-1)).toMatchObject({
      path: '/api/v1/namespaces/app/pods/p/log',
      query: { container: 'main', follow: true, tailLines: 50 },
    });
  });

  it('times out a request that gets no answer, and retries it', async () => {
    let calls = 0;
    const transport: Transport = (req) => {
      calls++;
      return new Promise((_resolve, reject) => req.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const cluster = createKubeCluster(kubeconfig(), { transport, requestTimeoutMs: 20, retry: { maxAttempts: 2, baseMs: 1 } });
    await expect(cluster.resolve('v1', 'ConfigMap')).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      message: expect.stringMatching(/GET \/api\/v1: no answer after 20ms/),
    });
    expect(calls).toBe(2);
  });

  it('reports the server host without credentials or path', () => {
    const cluster = createKubeCluster(kubeconfig(), { transport: fakeServer(() => undefined).transport });
    expect(cluster.serverHost()).toBe('api.example.test:6443');
  });
});
