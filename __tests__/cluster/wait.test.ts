import { describe, expect, it } from '@jest/globals';
import type { K8sObject } from '../../src/manifests/types.js';
import type { ClusterPort, WatchEvent } from '../../src/cluster/port.js';
import type { ObjectRef } from '../../src/model/object-ref.js';
import { waitGone } from '../../src/cluster/wait.js';

/** Just enough of a cluster for waiting: get, delete (finishing later), watch. */
class TinyCluster {
  objects = new Map<string, K8sObject>();
  handlers = new Set<(e: WatchEvent) => void>();
  gets = 0;
  deletes: string[] = [];
  /** What the next get returns before consulting the store (simulates a race). */
  pendingDeletion = new Set<string>();

  put(name: string, uid = name): K8sObject {
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', uid } };
    this.objects.set(name, obj);
    for (const h of this.handlers) h({ type: 'ADDED', object: obj });
    return obj;
  }

  remove(name: string): void {
    const obj = this.objects.get(name);
    if (!obj) return;
    this.objects.delete(name);
    for (const h of this.handlers) h({ type: 'DELETED', object: obj });
  }

  port(): ClusterPort {
    return {
      watch: async (_v: string, _k: string, _ns: string | null, h: (e: WatchEvent) => void) => {
        this.handlers.add(h);
        return () => this.handlers.delete(h);
      },
      get: async (ref: ObjectRef) => {
        this.gets++;
        return this.objects.get(ref.name) ?? null;
      },
      delete: async (ref: ObjectRef) => {
        this.deletes.push(ref.name);
        return this.objects.has(ref.name);
      },
    } as unknown as ClusterPort;
  }
}

const ref = (name: string): ObjectRef => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'ns', name });

describe('waitGone', () => {
  it('resolves at once when the object does not exist, and unsubscribes', async () => {
    const c = new TinyCluster();
    await waitGone(c.port(), ref('x'));
    expect(c.gets).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.handlers.size).toBe(0);
  });

  it('waits for the DELETED event of that object only', async () => {
    const c = new TinyCluster();
    c.put('x');
    c.put('other');
    let done = false;
    const p = waitGone(c.port(), ref('x')).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    c.remove('other');
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    c.remove('x');
    await p;
    expect(done).toBe(true);
    expect(c.handlers.size).toBe(0);
  });

  it('with a uid, a recreated object of the same name counts as gone', async () => {
    const c = new TinyCluster();
    c.put('x', 'old');
    const p = waitGone(c.port(), ref('x'), { uid: 'old' });
    await new Promise((r) => setTimeout(r, 5));
    c.objects.delete('x');
    c.put('x', 'new');
    await p;
  });

  it('times out with a message naming the object', async () => {
    const c = new TinyCluster();
    c.put('stuck');
    await expect(waitGone(c.port(), ref('stuck'), { timeoutMs: 20 })).rejects.toThrow(/timed out after 20ms waiting for ConfigMap ns\/stuck to be deleted/);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.handlers.size).toBe(0);
  });

  it('stops when aborted', async () => {
    const c = new TinyCluster();
    c.put('stuck');
    const ac = new AbortController();
    const p = waitGone(c.port(), ref('stuck'), { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
