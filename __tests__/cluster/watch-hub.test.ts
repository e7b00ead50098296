import { describe, expect, it } from '@jest/globals';
import type { K8sObject } from '../../src/manifests/types.js';
import { ApiError, type WatchEvent } from '../../src/cluster/port.js';
import { WatchHub, type RawWatchEvent, type WatchSource } from '../../src/cluster/kube/watch-hub.js';

function cm(name: string, rv: string): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', resourceVersion: rv } };
}

interface OpenWatch {
  resourceVersion: string;
  emit(e: RawWatchEvent): void;
  end(): void;
  fail(err: unknown): void;
  signal: AbortSignal;
}

/** A WatchSource the test drives: it decides what each list returns and when streams end. */
class FakeSource implements WatchSource {
  lists: Array<() => { items: K8sObject[]; resourceVersion: string }> = [];
  listCalls = 0;
  watches: OpenWatch[] = [];
  private waiters: Array<() => void> = [];

  async list(): Promise<{ items: K8sObject[]; resourceVersion: string }> {
    this.listCalls++;
    const next = this.lists.shift();
    if (!next) throw new Error('unexpected list');
    return next();
  }

  watch(resourceVersion: string, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => resolve(), { once: true });
      this.watches.push({ resourceVersion, emit: onEvent, end: resolve, fail: reject, signal });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Resolves once the n-th watch (1-based) has been opened. */
  async opened(n: number): Promise<OpenWatch> {
    while (this.watches.length < n) await new Promise<void>((r) => this.waiters.push(r));
    return this.watches[n - 1]!;
  }
}

const instant = { sleep: async () => {}, minHealthyMs: 0 };

function recorder() {
  const events: string[] = [];
  const handler = (e: WatchEvent) => events.push(`${e.type} ${e.object.metadata.name}@${String(e.object.metadata.resourceVersion)}`);
  return { events, handler };
}

describe('WatchHub', () => {
  it('lists first, delivers ADDED for existing objects, then watches from the list resourceVersion', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [cm('a', '5'), cm('b', '6')], resourceVersion: '10' }));
    const hub = new WatchHub(source, instant);
    const r = recorder();
    await hub.subscribe(r.handler);
    expect(r.events).toEqual(['ADDED a@5', 'ADDED b@6']);
    const w = await source.opened(1);
    expect(w.resourceVersion).toBe('10');
    w.emit({ type: 'MODIFIED', object: cm('a', '11') });
    w.emit({ type: 'ADDED', object: cm('c', '12') });
    w.emit({ type: 'DELETED', object: cm('b', '13') });
    expect(r.events.slice(2)).toEqual(['MODIFIED a@11', 'ADDED c@12', 'DELETED b@13']);
    hub.stop();
  });

  it('shares one underlying watch; a late subscriber catches up from the cache', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [cm('a', '5')], resourceVersion: '10' }));
    const hub = new WatchHub(source, instant);
    const first = recorder();
    await hub.subscribe(first.handler);
    const w = await source.opened(1);
    w.emit({ type: 'ADDED', object: cm('b', '11') });
    w.emit({ type: 'DELETED', object: cm('a', '12') });

    const second = recorder();
    await hub.subscribe(second.handler);
    expect(second.events).toEqual(['ADDED b@11']);
    w.emit({ type: 'MODIFIED', object: cm('b', '13') });
    expect(first.events.at(-1)).toBe('MODIFIED b@13');
    expect(second.events.at(-1)).toBe('MODIFIED b@13');
    expect(source.listCalls).toBe(1);
    expect(source.watches).toHaveLength(1);
    expect(hub.stats).toMatchObject({ lists: 1, watches: 1, subscribers: 2 });
    hub.stop();
  });

  it('stops the underlying watch when the last subscriber leaves', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [], resourceVersion: '1' }));
    let stops = 0;
    const hub = new WatchHub(source, instant, () => stops++);
    const un1 = await hub.subscribe(() => {});
    const un2 = await hub.subscribe(() => {});
    const w = await source.opened(1);
    un1();
    expect(w.signal.aborted).toBe(false);
    un2();
    un2();
    expect(w.signal.aborted).toBe(true);
    expect(stops).toBe(1);
    expect(hub.isStopped).toBe(true);
  });

  it('resumes from the last seen resourceVersion (bookmarks included) when a stream ends', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [], resourceVersion: '10' }));
    const hub = new WatchHub(source, instant);
    const r = recorder();
    await hub.subscribe(r.handler);
    const w1 = await source.opened(1);
    w1.emit({ type: 'ADDED', object: cm('a', '11') });
    w1.emit({ type: 'BOOKMARK', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { resourceVersion: '20' } } });
    w1.end();
    const w2 = await source.opened(2);
    expect(w2.resourceVersion).toBe('20');
    expect(r.events).toEqual(['ADDED a@11']);
    expect(source.listCalls).toBe(1);
    hub.stop();
  });

  it('reconnects with backoff after an error, from the same resourceVersion', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [], resourceVersion: '10' }));
    const delays: number[] = [];
    const errors: unknown[] = [];
    const hub = new WatchHub(source, {
      sleep: async (ms) => void delays.push(ms),
      baseMs: 100,
      onError: (e) => errors.push(e),
    });
    await hub.subscribe(() => {});
    (await source.opened(1)).fail(Object.assign(new Error('socket hang up')));
    const w2 = await source.opened(2);
    expect(w2.resourceVersion).toBe('10');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(errors).toHaveLength(1);
    hub.stop();
  });

  it('on 410 Gone re-lists and emits the differences, DELETED for vanished objects', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [cm('keep', '5'), cm('change', '6'), cm('vanish', '7')], resourceVersion: '10' }));
    source.lists.push(() => ({ items: [cm('keep', '5'), cm('change', '30'), cm('new', '31')], resourceVersion: '40' }));
    const hub = new WatchHub(source, instant);
    const r = recorder();
    await hub.subscribe(r.handler);
    (await source.opened(1)).fail(new ApiError(410, 'too old resource version', 'Expired'));
    const w2 = await source.opened(2);
    expect(w2.resourceVersion).toBe('40');
    expect(r.events.slice(3)).toEqual(['DELETED vanish@7', 'MODIFIED change@30', 'ADDED new@31']);
    expect(source.listCalls).toBe(2);

    // The cache follows: a late subscriber sees the re-listed state.
    const late = recorder();
    await hub.subscribe(late.handler);
    expect(late.events.sort()).toEqual(['ADDED change@30', 'ADDED keep@5', 'ADDED new@31']);
    hub.stop();
  });

  it('rejects subscribers when the first list fails, and stops', async () => {
    const source = new FakeSource();
    source.lists.push(() => {
      throw new ApiError(403, 'forbidden');
    });
    let stopped = false;
    const hub = new WatchHub(source, instant, () => (stopped = true));
    await expect(hub.subscribe(() => {})).rejects.toMatchObject({ status: 403 });
    expect(stopped).toBe(true);
    expect(source.watches).toHaveLength(0);
  });

  it('keeps delivering to others when one handler throws', async () => {
    const source = new FakeSource();
    source.lists.push(() => ({ items: [cm('a', '1')], resourceVersion: '1' }));
    const hub = new WatchHub(source, instant);
    await hub.subscribe(() => {
      throw new Error('bug');
    });
    const r = recorder();
    await hub.subscribe(r.handler);
    (await source.opened(1)).emit({ type: 'MODIFIED', object: cm('a', '2') });
    expect(r.events).toEqual(['ADDED a@1', 'MODIFIED a@2']);
    hub.stop();
  });
});
