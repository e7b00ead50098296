// Release history (as Helm keeps it): each successful sync's exact plan, gzip-compressed, in its
// own Secret `wavesync-<app>-v<N>`, so a rollback re-applies what was last healthy without
// fetching or rendering anything. A Secret holds at most 1 MiB: a bigger release is not stored.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { K8sObject } from '../../manifests/types.js';
import type { ClusterPort } from '../port.js';

export const RELEASE_APP_LABEL = 'wavesync.io/app';
export const RELEASE_NUMBER_LABEL = 'wavesync.io/release';
/** The API server refuses a Secret whose data exceeds 1 MiB; keep room for the rest of the object. */
export const RELEASE_MAX_BYTES = 1024 * 1024 - 8 * 1024;

export function releaseName(app: string, n: number): string {
  return `wavesync-${app}-v${n}`;
}

export type StoreOutcome = { stored: true; bytes: number } | { stored: false; bytes: number; message: string };

/** Stores one release; too big: not stored, with the reason in words. */
export async function storeRelease(cluster: ClusterPort, app: string, namespace: string, n: number, content: unknown): Promise<StoreOutcome> {
  const zipped = gzipSync(Buffer.from(JSON.stringify(content), 'utf8'));
  if (zipped.length > RELEASE_MAX_BYTES)
    return {
      stored: false,
      bytes: zipped.length,
      message: `release v${n} is too big to keep for rollback: ${Math.ceil(zipped.length / 1024)} KiB compressed, more than a Secret can hold (1 MiB); it is in the history without its manifests, and a rollback cannot return to it`,
    };
  const secret: K8sObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: releaseName(app, n), namespace, labels: { [RELEASE_APP_LABEL]: app, [RELEASE_NUMBER_LABEL]: String(n) } },
    type: 'wavesync.io/release.v1',
    data: { release: zipped.toString('base64') },
  };
  await cluster.apply(secret);
  return { stored: true, bytes: zipped.length };
}

export async function loadRelease<T>(cluster: ClusterPort, app: string, namespace: string, n: number): Promise<T | null> {
  const live = await cluster.get({ apiVersion: 'v1', kind: 'Secret', namespace, name: releaseName(app, n) });
  const data = (live?.data as Record<string, string> | undefined)?.release;
  if (!data) return null;
  return JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8')) as T;
}

/** Deletes the app's release Secrets whose numbers are not kept. */
export async function pruneReleases(cluster: ClusterPort, app: string, namespace: string, keep: Set<number>): Promise<void> {
  const all = await cluster.list('v1', 'Secret', namespace, { labelSelector: `${RELEASE_APP_LABEL}=${app}` });
  for (const s of all) {
    const n = Number(s.metadata.labels?.[RELEASE_NUMBER_LABEL]);
    if (!keep.has(n)) await cluster.delete({ apiVersion: 'v1', kind: 'Secret', namespace, name: s.metadata.name! });
  }
}
