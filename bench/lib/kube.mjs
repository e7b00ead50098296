// A minimal Kubernetes client for the benchmark (the floor contender and the harness's own
// observer): one HTTP/2 connection with the kubeconfig's client certificate, JSON requests,
// server-side apply and watch streams. Only what those two need; no retries, no discovery.
import http2 from 'node:http2';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

/** Server URL and client-certificate credentials of a kubeconfig's first cluster and user. */
export function readKubeconfig(path) {
  const kc = YAML.parse(readFileSync(path, 'utf8'));
  const cluster = kc.clusters[0].cluster;
  const user = kc.users[0].user;
  const b64 = (s) => Buffer.from(s, 'base64');
  return {
    server: cluster.server,
    ca: b64(cluster['certificate-authority-data']),
    cert: b64(user['client-certificate-data']),
    key: b64(user['client-key-data']),
  };
}

// Plural resource paths of the kinds the benchmark workloads use.
const RESOURCES = {
  ConfigMap: ['/api/v1', 'configmaps'],
  Secret: ['/api/v1', 'secrets'],
  Service: ['/api/v1', 'services'],
  Pod: ['/api/v1', 'pods'],
  Deployment: ['/apis/apps/v1', 'deployments'],
  ReplicaSet: ['/apis/apps/v1', 'replicasets'],
  Job: ['/apis/batch/v1', 'jobs'],
};

export function collectionPath(kind, namespace) {
  const r = RESOURCES[kind];
  if (!r) throw new Error(`bench kube client: kind ${kind} is not mapped`);
  return `${r[0]}/namespaces/${namespace}/${r[1]}`;
}

export class Kube {
  constructor(kubeconfigPath) {
    this.cfg = readKubeconfig(kubeconfigPath);
    this.current = null;
  }

  /** The connection, opened again when the server closed it (the API server drops idle ones). */
  get session() {
    if (!this.current || this.current.closed || this.current.destroyed) {
      const { server, ca, cert, key } = this.cfg;
      this.current = http2.connect(server, { ca, cert, key, peerMaxConcurrentStreams: 2000 });
      this.current.on('error', () => {});
      this.current.on('goaway', () => this.current?.close());
    }
    return this.current;
  }

  close() {
    this.current?.close();
  }

  /** One request; resolves to { status, body } with body parsed as JSON when it is JSON. */
  request(method, path, body, contentType = 'application/json') {
    return new Promise((resolve, reject) => {
      const headers = { ':method': method, ':path': path, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = contentType;
      const req = this.session.request(headers);
      let status = 0;
      const chunks = [];
      req.on('response', (h) => (status = h[':status']));
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status, body: parsed });
      });
      req.on('error', reject);
      if (body !== undefined) req.end(typeof body === 'string' ? body : JSON.stringify(body));
      else req.end();
    });
  }

  async ok(method, path, body, contentType) {
    const res = await this.request(method, path, body, contentType);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body?.message ?? JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  }

  /** Server-side apply of one object (force: the benchmark owns its namespaces). */
  apply(obj, namespace, fieldManager) {
    const path = `${collectionPath(obj.kind, namespace)}/${obj.metadata.name}?fieldManager=${fieldManager}&force=true`;
    return this.ok('PATCH', path, obj, 'application/apply-patch+yaml');
  }

  /** List then watch a kind in a namespace; onEvent(type, object, receivedAtMs) for every object. */
  async watchKind(kind, namespace, onEvent) {
    const base = collectionPath(kind, namespace);
    const list = await this.ok('GET', base);
    for (const item of list.items) onEvent('ADDED', item, Date.now());
    const req = this.session.request({
      ':method': 'GET',
      ':path': `${base}?watch=1&allowWatchBookmarks=true&resourceVersion=${list.metadata.resourceVersion}`,
      accept: 'application/json',
    });
    let buf = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      const at = Date.now();
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.trim()) continue;
        const ev = JSON.parse(line);
        if (ev.type !== 'BOOKMARK' && ev.type !== 'ERROR') onEvent(ev.type, ev.object, at);
      }
    });
    req.on('error', () => {});
    req.end();
    return { close: () => req.close() };
  }
}

/** Whether an object is healthy the way every contender waits for it (Deployment Available at its generation, Job Complete, anything else once it exists). */
export function isHealthy(obj) {
  if (obj.kind === 'Deployment') {
    const s = obj.status ?? {};
    const want = obj.spec?.replicas ?? 1;
    return (
      (s.observedGeneration ?? 0) >= (obj.metadata?.generation ?? 0) &&
      (s.updatedReplicas ?? 0) >= want &&
      (s.availableReplicas ?? 0) >= want &&
      (s.replicas ?? 0) === want
    );
  }
  if (obj.kind === 'Job') return (obj.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
  return true;
}
