// One shared watch of a (kind, namespace): lists, then watches from the list's resourceVersion,
// resumes from the last seen resourceVersion when a stream ends, re-lists on 410 Gone (emitting
// the differences as events), and reconnects with backoff on errors. Every subscriber first gets
// ADDED for each known object, then the live events. The stream itself comes from a WatchSource,
// so this logic is tested without a server.
import type { K8sObject } from '../../manifests/types.js';
import { ApiError, type Unsubscribe, type WatchEvent } from '../port.js';
import { backoffDelay, sleep as realSleep } from '../retry.js';

export interface RawWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: K8sObject;
}

export interface WatchSource {
  list(signal: AbortSignal): Promise<{ items: K8sObject[]; resourceVersion: string }>;
  /**
   * Stream events from resourceVersion. Resolves when the server ends the stream, rejects on
   * failure (an ApiError with status 410 when the resourceVersion is too old).
   */
  watch(resourceVersion: string, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal): Promise<void>;
}

export interface WatchHubOptions {
  baseMs?: number;
  capMs?: number;
  /** A stream that ends sooner than this without events counts as a failure (no hot loop). */
  minHealthyMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Reconnect errors and handler exceptions, for debug logs. */
  onError?: (err: unknown) => void;
}

export interface WatchHubStats {
  lists: number;
  watches: number;
  subscribers: number;
}

type Handler = (e: WatchEvent) => void;

export function isGone(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 410 || err.reason === 'Expired' || err.reason === 'Gone');
}

function keyOf(obj: K8sObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

function rvOf(obj: K8sObject): string {
  const rv = obj.metadata.resourceVersion;
  return typeof rv === 'string' ? rv : '';
}

export class WatchHub {
  private readonly subscribers = new Set<{ handler: Handler }>();
  private readonly cache = new Map<string, K8sObject>();
  private readonly abort = new AbortController();
  private resourceVersion = '';
  private listed = false;
  private started = false;
  private stopped = false;
  private ready!: Promise<void>;
  private readonly counts = { lists: 0, watches: 0 };

  constructor(
    private readonly source: WatchSource,
    private readonly opts: WatchHubOptions = {},
    /** Called once when the hub stops (last unsubscribe, close, or failed first list). */
    private readonly onStop: () => void = () => {},
  ) {}

  get stats(): WatchHubStats {
    return { ...this.counts, subscribers: this.subscribers.size };
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Add a subscriber; resolves once it has received ADDED for every existing object. */
  async subscribe(handler: Handler): Promise<Unsubscribe> {
    if (this.stopped) throw new Error('watch hub is stopped');
    const sub = { handler };
    this.subscribers.add(sub);
    const unsubscribe = () => {
      if (!this.subscribers.delete(sub)) return;
      if (this.subscribers.size === 0) this.stop();
    };
    if (!this.started) {
      this.started = true;
      this.ready = this.firstList();
    } else if (this.listed) {
      // A late subscriber catches up from the cache, synchronously, before any later event.
      for (const object of this.cache.values()) this.deliver(sub, { type: 'ADDED', object });
    }
    try {
      await this.ready;
    } catch (err) {
      this.subscribers.delete(sub);
      throw err;
    }
    return unsubscribe;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.subscribers.clear();
    this.abort.abort();
    this.onStop();
  }

  private async firstList(): Promise<void> {
    try {
      await this.relist();
    } catch (err) {
      this.stop();
      throw err;
    }
    void this.loop();
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    const wait = this.opts.sleep ?? realSleep;
    const now = this.opts.now ?? Date.now;
    let failures = 0;
    let needsList = false;
    while (!this.stopped) {
      try {
        if (needsList) {
          await this.relist();
          needsList = false;
        }
        this.counts.watches++;
        const started = now();
        let events = 0;
        await this.source.watch(
          this.resourceVersion,
          (e) => {
            events++;
            this.onEvent(e);
          },
          signal,
        );
        if (events > 0 || now() - started >= (this.opts.minHealthyMs ?? 1000)) {
          failures = 0;
          continue;
        }
        failures++;
      } catch (err) {
        if (this.stopped) return;
        if (isGone(err)) {
          // Our resourceVersion is too old: re-list at once and report what changed meanwhile.
          needsList = true;
          if (failures === 0) {
            failures = 1;
            continue;
          }
        }
        failures++;
        this.opts.onError?.(err);
      }
      try {
        await wait(backoffDelay(failures, this.opts.baseMs ?? 200, this.opts.capMs ?? 10_000), signal);
      } catch {
        return;
      }
    }
  }

  /** List, and emit the differences from what subscribers know (all ADDED the first time). */
  private async relist(): Promise<void> {
    this.counts.lists++;
    const { items, resourceVersion } = await this.source.list(this.abort.signal);
    if (this.stopped) return;
    const fresh = new Map(items.map((o) => [keyOf(o), o]));
    for (const [key, old] of this.cache) {
      if (!fresh.has(key)) {
        this.cache.delete(key);
        this.emit({ type: 'DELETED', object: old });
      }
    }
    for (const [key, object] of fresh) {
      const old = this.cache.get(key);
      this.cache.set(key, object);
      if (!old) this.emit({ type: 'ADDED', object });
      else if (rvOf(old) !== rvOf(object)) this.emit({ type: 'MODIFIED', object });
    }
    this.resourceVersion = resourceVersion;
    this.listed = true;
  }

  private onEvent(e: RawWatchEvent): void {
    if (this.stopped) return;
    const rv = rvOf(e.object);
    if (rv) this.resourceVersion = rv;
    if (e.type === 'BOOKMARK') return;
    const key = keyOf(e.object);
    if (e.type === 'DELETED') this.cache.delete(key);
    else this.cache.set(key, e.object);
    this.emit({ type: e.type, object: e.object });
  }

  private emit(e: WatchEvent): void {
    for (const sub of [...this.subscribers]) this.deliver(sub, e);
  }

  private deliver(sub: { handler: Handler }, e: WatchEvent): void {
    try {
      sub.handler(e);
    } catch (err) {
      // One subscriber's bug must not starve the others.
      this.opts.onError?.(err);
    }
  }
}
