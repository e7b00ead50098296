// One sync per app (SEMANTICS 8): a coordination.k8s.io/v1 Lease `wavesync-<app>` in the app's
// namespace, taken with optimistic concurrency (create, or replace at the resourceVersion read),
// renewed while held, taken over once its holder stopped renewing it, and released by clearing
// the holder. Waiting prints who holds it and since when.
import type { K8sObject } from '../manifests/types.js';
import { sleep } from '../model/sleep.js';
import { ApiError, type ClusterPort } from './port.js';

export interface LockOptions {
  app: string;
  namespace: string;
  /** Who we are: the workflow run's URL, or user@host and PID for the CLI. */
  holder: string;
  /** Give up waiting after this long. */
  timeoutMs: number;
  /** A holder that has not renewed for this long is presumed dead (default 30 s). */
  leaseDurationSeconds?: number;
  /** Pause between looks while another run holds it (default 2 s). */
  pollMs?: number;
  signal?: AbortSignal;
  /** Told once per holder while waiting. */
  onWait?: (message: string) => void;
  /** The lock was taken away while held (it expired and another run took it): a warning. */
  onLost?: (message: string) => void;
  now?: () => number;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export interface HeldLock {
  /** Stop renewing and clear the holder; `remove` deletes the Lease (delete mode). Never throws. */
  release(opts?: { remove?: boolean }): Promise<void>;
}

const DEFAULT_DURATION_S = 30;
/** Lease times are MicroTime: RFC 3339 with six fractional digits. */
export const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export function leaseName(app: string): string {
  return `wavesync-${app}`;
}

interface LeaseSpec {
  holderIdentity?: string | null;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** Takes the lock; null when the namespace does not exist yet (nothing to lock in, nothing to collide with). */
export async function acquireLock(cluster: ClusterPort, opts: LockOptions): Promise<HeldLock | null> {
  const now = opts.now ?? Date.now;
  const duration = opts.leaseDurationSeconds ?? DEFAULT_DURATION_S;
  const ref = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: opts.namespace, name: leaseName(opts.app) };
  const started = now();
  let toldAbout = '';
  for (;;) {
    if (opts.signal?.aborted) throw new LockTimeoutError('cancelled while waiting for the lock');
    const live = await cluster.get(ref);
    const spec = (live?.spec ?? {}) as LeaseSpec;
    const mine: LeaseSpec = { holderIdentity: opts.holder, leaseDurationSeconds: duration, acquireTime: microTime(now()), renewTime: microTime(now()) };
    try {
      if (!live) {
        const created = await cluster.create({
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
          spec: { ...mine, leaseTransitions: 0 },
        });
        return hold(cluster, created, opts, duration);
      }
      if (!spec.holderIdentity || spec.holderIdentity === opts.holder || expired(spec, now())) {
        const taken = await cluster.replace({ ...live, spec: { ...mine, leaseTransitions: (spec.leaseTransitions ?? 0) + (spec.holderIdentity ? 1 : 0) } });
        if (spec.holderIdentity && spec.holderIdentity !== opts.holder)
          opts.onWait?.(`took over the lock from ${spec.holderIdentity}, which stopped renewing it at ${spec.renewTime ?? 'an unknown time'}`);
        return hold(cluster, taken, opts, duration);
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) continue; // someone else moved first: look again
      if (err instanceof ApiError && err.status === 404 && /namespace/i.test(err.message)) return null;
      throw err;
    }
    const who = `Lease ${opts.namespace}/${ref.name} is held by ${spec.holderIdentity} since ${spec.acquireTime ?? 'an unknown time'}`;
    if (now() - started >= opts.timeoutMs)
      throw new LockTimeoutError(`another sync of app ${opts.app} is running: ${who}; gave up after ${Math.round(opts.timeoutMs / 1000)}s (lock-timeout)`);
    if (who !== toldAbout) opts.onWait?.(`waiting for the lock: ${who} (waiting up to ${Math.round(opts.timeoutMs / 1000)}s)`);
    toldAbout = who;
    await sleep(Math.min(opts.pollMs ?? 2_000, Math.max(0, opts.timeoutMs - (now() - started))), opts.signal);
  }
}

function expired(spec: LeaseSpec, at: number): boolean {
  const renewed = Date.parse(spec.renewTime ?? spec.acquireTime ?? '');
  if (Number.isNaN(renewed)) return true;
  return renewed + (spec.leaseDurationSeconds ?? DEFAULT_DURATION_S) * 1000 < at;
}

/** Renews every third of the duration; stops at release. */
function hold(cluster: ClusterPort, lease: K8sObject, opts: LockOptions, duration: number): HeldLock {
  const now = opts.now ?? Date.now;
  let current = lease;
  let lost = false;
  const renew = async () => {
    try {
      current = await cluster.replace({ ...current, spec: { ...(current.spec as LeaseSpec), renewTime: microTime(now()) } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const fresh = await cluster
          .get({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) })
          .catch(() => null);
        if (fresh && (fresh.spec as LeaseSpec).holderIdentity === opts.holder) current = fresh;
        else if (!lost) {
          lost = true;
          opts.onLost?.(
            `the lock of app ${opts.app} was taken by ${(fresh?.spec as LeaseSpec | undefined)?.holderIdentity ?? 'nobody'} while this run held it`,
          );
        }
      }
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1, (duration * 1000) / 3));
  timer.unref?.();
  return {
    async release(ropts = {}) {
      clearInterval(timer);
      if (lost) return;
      try {
        const fresh = await cluster.get({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) });
        if (!fresh || (fresh.spec as LeaseSpec).holderIdentity !== opts.holder) return;
        if (ropts.remove) await cluster.delete({ apiVersion: lease.apiVersion, kind: lease.kind, namespace: opts.namespace, name: leaseName(opts.app) });
        else await cluster.replace({ ...fresh, spec: { ...(fresh.spec as LeaseSpec), holderIdentity: null, renewTime: microTime(now()) } });
      } catch {
        // Released or not, the run is over; an unreleased Lease expires after its duration.
      }
    },
  };
}
