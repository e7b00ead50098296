// The live view the gate reads: one shared watch per (kind, namespace) in use, the newest copy of
// every object seen, and change notifications. No polling: the gate re-evaluates on events.
import type { ClusterPort, Unsubscribe, WatchEvent } from '../cluster/port.js';
import { groupOf, type K8sObject } from '../manifests/types.js';
import { ownedByClientSideApply } from './csa-migration.js';

export const objectKey = (group: string, kind: string, namespace: string | null | undefined, name: string) => `${group}/${kind}/${namespace ?? ''}/${name}`;

export const keyOfObject = (o: K8sObject) => objectKey(groupOf(o.apiVersion), o.kind, o.metadata.namespace, o.metadata.name ?? '');

const bucketOf = (o: K8sObject) => objectKey(groupOf(o.apiVersion), o.kind, o.metadata.namespace, '');

// managedFields are half of a Pod's or a Deployment's JSON and only the client-side-apply migration
// reads them (e2e/sync/client-side-apply.test.ts). The feed keeps each object until its next
// update, long enough to be promoted to V8's old generation: copies without them leave half the
// garbage behind.
function slim(o: K8sObject): K8sObject {
  if (!o.metadata.managedFields || ownedByClientSideApply(o)) return o;
  const metadata = { ...o.metadata };
  delete metadata.managedFields;
  return { ...o, metadata };
}

export class ObjectFeed {
  private readonly watches = new Map<string, Promise<Unsubscribe>>();
  private readonly objects = new Map<string, K8sObject>();
  /** The same objects by (kind, namespace): the gate asks for a namespace's pods on every event. */
  private readonly buckets = new Map<string, Map<string, K8sObject>>();
  private readonly listeners = new Set<(e: WatchEvent) => void>();

  constructor(private readonly cluster: ClusterPort) {}

  /** Start watching a kind in a namespace (once); resolves when existing objects are known. */
  async ensure(apiVersion: string, kind: string, namespace: string | null): Promise<void> {
    const key = `${groupOf(apiVersion)}/${kind}/${namespace ?? '*'}`;
    let w = this.watches.get(key);
    if (!w) {
      w = this.cluster.watch(apiVersion, kind, namespace, (e) => this.onEvent(e));
      this.watches.set(key, w);
      w.catch(() => this.watches.delete(key));
    }
    await w;
  }

  latest(key: string): K8sObject | undefined {
    return this.objects.get(key);
  }

  /** Objects of a kind in a namespace, from the watch cache. */
  all(group: string, kind: string, namespace: string): K8sObject[] {
    const bucket = this.buckets.get(objectKey(group, kind, namespace, ''));
    return bucket ? [...bucket.values()] : [];
  }

  private set(key: string, full: K8sObject): void {
    const o = slim(full);
    this.objects.set(key, o);
    const b = bucketOf(o);
    let bucket = this.buckets.get(b);
    if (!bucket) this.buckets.set(b, (bucket = new Map()));
    bucket.set(key, o);
  }

  private delete(key: string, o: K8sObject): void {
    this.objects.delete(key);
    this.buckets.get(bucketOf(o))?.delete(key);
  }

  /** Record an object we wrote ourselves, so the gate sees it even before the watch does. */
  remember(o: K8sObject): void {
    const key = keyOfObject(o);
    const cur = this.objects.get(key);
    if (cur && cur.metadata.uid === o.metadata.uid && Number(cur.metadata.resourceVersion) > Number(o.metadata.resourceVersion)) return;
    this.set(key, o);
  }

  onChange(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onEvent(e: WatchEvent): void {
    const key = keyOfObject(e.object);
    if (e.type === 'DELETED') {
      const cur = this.objects.get(key);
      if (!cur || cur.metadata.uid === e.object.metadata.uid) this.delete(key, e.object);
    } else {
      this.set(key, e.object);
    }
    for (const l of [...this.listeners]) l(e);
  }

  async close(): Promise<void> {
    const subs = await Promise.allSettled([...this.watches.values()]);
    for (const s of subs) if (s.status === 'fulfilled') s.value();
    this.watches.clear();
    this.listeners.clear();
  }
}
