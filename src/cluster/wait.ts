// Waiting for deletions to finish, on any ClusterPort: subscribe to the kind's shared watch, then
// get once (closing the race with a deletion that happened before the watch started). No polling.
import type { K8sObject } from '../manifests/types.js';
import { abortError } from './retry.js';
import { objectLabel, type ObjectRef } from '../model/object-ref.js';
import type { ClusterPort, WatchEvent } from './port.js';

export interface WaitGoneOptions {
  signal?: AbortSignal;
  /** Give up after this long (rejects with WaitTimeoutError). */
  timeoutMs?: number;
  /** Only wait for this incarnation: an object with the same name but another uid counts as gone. */
  uid?: string;
}

export class WaitTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

function uidOf(obj: K8sObject): string | undefined {
  return typeof obj.metadata.uid === 'string' ? obj.metadata.uid : undefined;
}

/** Resolves once the object no longer exists. */
export async function waitGone(cluster: ClusterPort, ref: ObjectRef, opts: WaitGoneOptions = {}): Promise<void> {
  const { signal, timeoutMs, uid } = opts;
  if (signal?.aborted) throw abortError(signal);

  let finish!: (err?: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    finish = (err) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
  });
  const isIt = (o: K8sObject) => o.metadata.name === ref.name && (ref.namespace === null || (o.metadata.namespace ?? null) === ref.namespace);
  const otherIncarnation = (o: K8sObject) => uid !== undefined && uidOf(o) !== uid;

  const onEvent = (e: WatchEvent) => {
    if (!isIt(e.object)) return;
    if (e.type === 'DELETED' ? !otherIncarnation(e.object) : otherIncarnation(e.object)) finish();
  };
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => finish(new WaitTimeoutError(`timed out after ${timeoutMs}ms waiting for ${objectLabel(ref)} to be deleted`)), timeoutMs);
  const onAbort = () => finish(abortError(signal));
  signal?.addEventListener('abort', onAbort, { once: true });

  const subscription = cluster.watch(ref.apiVersion, ref.kind, ref.namespace, onEvent);
  subscription
    .then(async () => {
      const live = await cluster.get(ref);
      if (!live || otherIncarnation(live)) finish();
    })
    .catch((err: unknown) => finish(err instanceof Error ? err : new Error(String(err))));
  try {
    await done;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // The watch may still be starting when we stop waiting; unsubscribe whenever it is up.
    subscription.then((unsubscribe) => unsubscribe()).catch(() => {});
  }
}
