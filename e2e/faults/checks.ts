// What every fault run is held to: the cluster equals the manifests after Succeeded, and each hook
// Job was created exactly once per sync (counted from a watch of its own, not through the proxy).
import * as k8s from '@kubernetes/client-node';
import type { AppObject } from './app.js';
import { HOOKS } from './app.js';
import { adminConfig } from './identity.js';

/** Paths where the manifest's value is missing from or different in the live object. */
export function notIn(want: unknown, live: unknown, at = ''): string[] {
  if (want === null || typeof want !== 'object') return want === live ? [] : [`${at}: want ${JSON.stringify(want)}, live ${JSON.stringify(live)}`];
  if (Array.isArray(want)) {
    if (!Array.isArray(live) || live.length !== want.length) return [`${at}: want ${want.length} items, live ${JSON.stringify(live)?.slice(0, 80)}`];
    return want.flatMap((w, i) => notIn(w, live[i], `${at}[${i}]`));
  }
  if (live === null || typeof live !== 'object') return [`${at}: missing`];
  return Object.entries(want).flatMap(([k, v]) => notIn(v, (live as Record<string, unknown>)[k], `${at}.${k}`));
}

/** The differences between the app's non-hook objects and the cluster ("Kind/name .path: ..."). */
export async function clusterDiff(namespace: string, objects: AppObject[]): Promise<string[]> {
  const api = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
  const out: string[] = [];
  for (const o of objects.filter((x) => !x.hook)) {
    const doc = structuredClone(o.doc) as Record<string, unknown> & { metadata: { name: string }; kind: string; stringData?: Record<string, string> };
    // The server keeps a Secret's stringData as base64 data.
    if (doc.stringData) {
      doc.data = Object.fromEntries(Object.entries(doc.stringData).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
      delete doc.stringData;
    }
    const where = `${doc.kind}/${doc.metadata.name}`;
    try {
      const live = await api.read({ apiVersion: doc.apiVersion as string, kind: doc.kind, metadata: { name: doc.metadata.name, namespace } });
      const { apiVersion: _a, kind: _k, ...rest } = doc;
      out.push(...notIn(rest, live).map((d) => `${where} ${d}`));
    } catch (err) {
      out.push(`${where}: ${(err as { code?: number }).code === 404 ? 'missing' : String(err)}`);
    }
  }
  return out;
}

interface Creation {
  name: string;
  uid: string;
  at: number;
}

/** Every Job created in a namespace, from a watch started before the first sync. */
export class HookLedger {
  readonly creations: Creation[] = [];
  private readonly seen = new Set<string>();
  private controller: AbortController | undefined;
  broken: string | null = null;

  constructor(private readonly namespace: string) {}

  private resourceVersion = '';
  private stopped = false;

  private relist = false;
  /** How many times the watch had to relist after 410 Gone. */
  relists = 0;

  private async catchUp(): Promise<void> {
    const list = await k8s.KubernetesObjectApi.makeApiClient(adminConfig()).list('batch/v1', 'Job', this.namespace);
    for (const j of list.items) {
      const uid = j.metadata?.uid ?? '';
      if (uid && !this.seen.has(uid)) {
        this.seen.add(uid);
        this.creations.push({ name: j.metadata?.name ?? '', uid, at: Date.now() });
      }
    }
    this.resourceVersion = list.metadata?.resourceVersion ?? '';
    this.relist = false;
    this.relists++;
  }

  async start(): Promise<void> {
    if (this.relist) await this.catchUp();
    const watch = new k8s.Watch(adminConfig());
    // The API server ends every watch after its request timeout: resume from the last
    // resourceVersion seen, so a long soak misses no creation.
    const query = this.resourceVersion ? { resourceVersion: this.resourceVersion, allowWatchBookmarks: true } : { allowWatchBookmarks: true };
    this.controller = await watch.watch(
      `/apis/batch/v1/namespaces/${this.namespace}/jobs`,
      query,
      (type: string, obj: k8s.V1Job) => {
        if (type === 'ERROR') {
          // 410 Gone: our resourceVersion is older than the server's watch cache (a restarted
          // kube-apiserver starts a new one). Relist before resuming: every Job not seen yet counts
          // as created (one created and deleted inside the gap would be missed; the gap is short).
          if ((obj as unknown as { code?: number }).code === 410) this.relist = true;
          else this.broken = `the Job watch failed: ${JSON.stringify(obj)}`;
          return;
        }
        if (obj.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        const uid = obj.metadata?.uid ?? '';
        // A Job is created once per uid: ADDED (or a first MODIFIED after a watch resume) counts once.
        if (type !== 'DELETED' && type !== 'BOOKMARK' && uid && !this.seen.has(uid)) {
          this.seen.add(uid);
          this.creations.push({ name: obj.metadata?.name ?? '', uid, at: Date.now() });
        }
      },
      () => {
        if (this.stopped || this.broken) return;
        // Ended by the server's timeout, a dropped connection or a restarting server: resume where
        // it stopped, trying for a minute (a restarted kube-apiserver takes a few seconds).
        const resume = (tries: number) =>
          setTimeout(
            () =>
              this.start().catch((e: unknown) => {
                if (tries < 120) resume(tries + 1);
                else this.broken = `the Job watch could not resume: ${String(e)}`;
              }),
            tries === 0 ? 200 : 500,
          );
        resume(0);
      },
    );
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  /** How many Jobs of each hook were created since `from` (index into creations). */
  countSince(from: number): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(HOOKS.map((h) => [h.name, 0]));
    for (const c of this.creations.slice(from)) {
      const hook = HOOKS.find((h) => (h.generated ? c.name.startsWith(h.name) : c.name === h.name));
      if (hook) counts[hook.name]!++;
      else counts[`other:${c.name}`] = (counts[`other:${c.name}`] ?? 0) + 1;
    }
    return counts;
  }
}

const INVENTORY_KINDS = [
  { apiVersion: 'v1', kind: 'ConfigMap', groupKind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Secret', groupKind: 'Secret' },
  { apiVersion: 'v1', kind: 'Service', groupKind: 'Service' },
  { apiVersion: 'v1', kind: 'ServiceAccount', groupKind: 'ServiceAccount' },
  { apiVersion: 'apps/v1', kind: 'Deployment', groupKind: 'Deployment.apps' },
];

/**
 * "No object outside the inventory": every object of the app's kinds in the namespace that carries
 * the app's part-of label, or has the name of one of `objects`, is a member (labelled with the
 * parent's id) of a kind the parent lists in contains-group-kinds. Problems as "Kind/name: ...".
 */
export async function inventoryProblems(namespace: string, app: string, objects: AppObject[]): Promise<string[]> {
  const api = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
  const parentName = `wavesync-${app}`;
  const parent = await api.read({ apiVersion: 'v1', kind: 'Secret', metadata: { name: parentName, namespace } }).catch((err: unknown) => {
    if ((err as { code?: number }).code === 404) return null;
    throw err;
  });
  const id = parent?.metadata?.labels?.['applyset.kubernetes.io/id'] ?? '(no parent)';
  const listed = new Set((parent?.metadata?.annotations?.['applyset.kubernetes.io/contains-group-kinds'] ?? '').split(',').filter(Boolean));
  const names = new Set(objects.filter((o) => !o.hook).map((o) => `${o.doc.kind as string}/${(o.doc.metadata as { name: string }).name}`));
  const out: string[] = [];
  for (const k of INVENTORY_KINDS) {
    const list = await api.list(k.apiVersion, k.kind, namespace);
    for (const o of list.items) {
      const name = o.metadata?.name ?? '';
      const partOf = o.metadata?.labels?.['applyset.kubernetes.io/part-of'];
      if (name === parentName || (partOf !== id && !names.has(`${k.kind}/${name}`))) continue;
      if (!parent) out.push(`${k.kind}/${name}: live, but the inventory parent Secret ${parentName} does not exist`);
      else if (partOf !== id) out.push(`${k.kind}/${name}: not labelled part-of ${id} (${partOf ?? 'no label'})`);
      else if (!listed.has(k.groupKind))
        out.push(`${k.kind}/${name}: member, but ${k.groupKind} is not in the parent's contains-group-kinds (${[...listed].join(',')})`);
    }
  }
  return out;
}
