// The real WatchSource: list and watch a collection over HTTP (newline-delimited JSON events).
import type { K8sObject } from '../../manifests/types.js';
import { apiErrorFrom, type KubeHttp } from './http.js';
import { readLines } from './lines.js';
import type { RawWatchEvent, WatchSource } from './watch-hub.js';

export interface HttpWatchSourceOptions {
  /** Ask the server to end each watch after this long; we then resume. */
  timeoutSeconds?: number;
  /** Abort a stream that has been silent this long beyond timeoutSeconds (a dead connection). */
  idleGraceMs?: number;
}

interface ListBody {
  metadata?: { resourceVersion?: string };
  items?: K8sObject[];
}

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

export function httpWatchSource(http: KubeHttp, collectionPath: string, apiVersion: string, kind: string, opts: HttpWatchSourceOptions = {}): WatchSource {
  const timeoutSeconds = opts.timeoutSeconds ?? 290;
  const idleMs = timeoutSeconds * 1000 + (opts.idleGraceMs ?? 30_000);
  return {
    async list(signal) {
      const body = await http.json<ListBody>({ method: 'GET', path: collectionPath, signal });
      // Items of a list carry no apiVersion/kind; fill them in so events look alike.
      const items = (body.items ?? []).map((o) => ({ ...o, apiVersion, kind }));
      return { items, resourceVersion: body.metadata?.resourceVersion ?? '' };
    },

    async watch(resourceVersion, onEvent, signal) {
      const ac = new AbortController();
      const onAbort = () => ac.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      let failure: Error | undefined;
      let idle: NodeJS.Timeout | undefined;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          failure = new Error(`watch ${collectionPath} silent for ${Math.round(idleMs / 1000)}s`);
          ac.abort(failure);
        }, idleMs);
        idle.unref();
      };
      try {
        touch();
        const res = await http.open({
          method: 'GET',
          path: collectionPath,
          query: { watch: 1, resourceVersion, allowWatchBookmarks: true, timeoutSeconds },
          signal: ac.signal,
        });
        const stream = res.stream();
        if (!stream) return;
        await readLines(stream, (line) => {
          touch();
          if (line.trim() === '' || failure) return;
          let event: { type?: string; object?: unknown };
          try {
            event = JSON.parse(line) as typeof event;
          } catch {
            return;
          }
          if (event.type === 'ERROR') {
            // A Status object: 410 Expired when our resourceVersion is too old.
            const status = event.object as { code?: number };
            failure = apiErrorFrom(status.code ?? 500, JSON.stringify(event.object));
            ac.abort(failure);
            return;
          }
          if (event.type && EVENT_TYPES.has(event.type) && event.object) {
            onEvent({ type: event.type as RawWatchEvent['type'], object: event.object as K8sObject });
          }
        });
      } catch (err) {
        if (failure) throw failure;
        if (signal.aborted) return;
        throw err;
      } finally {
        clearTimeout(idle);
        signal.removeEventListener('abort', onAbort);
      }
      if (failure) throw failure;
    },
  };
}
