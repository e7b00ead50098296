// The app's lock for one run (SEMANTICS 8), taken before anything is changed and released by the
// run's scope on every exit path. A lock not obtained in time ends the run as Failed (reason Lock)
// through the same event stream as a sync, so every reporter says so.
import { acquireLock, LockTimeoutError } from '../cluster/lease-lock.js';
import { isUnreachable, type ClusterPort } from '../cluster/port.js';
import type { Plan } from '../plan/types.js';
import { EventBus, type SyncMode, type SyncResult } from '../sync/events.js';
import { ResultBuilder } from '../sync/result-builder.js';
import type { ResourceScope } from './scope.js';

export interface AppLockRequest {
  app: string;
  namespace: string;
  holder: string;
  timeoutMs: number;
  signal: AbortSignal;
  onNotice?: (message: string) => void;
  /** Delete mode removes the Lease with the app. */
  removeOnRelease?: () => boolean;
  /** The process environment: WAVESYNC_LEASE_SECONDS shortens the Lease (tests of takeover). */
  env?: Record<string, string | undefined>;
}

/** WAVESYNC_LEASE_SECONDS (5 to 300) when set; otherwise the lock's default of 30 s. */
export function leaseSeconds(env: Record<string, string | undefined> = {}): number | undefined {
  const raw = env.WAVESYNC_LEASE_SECONDS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 5 && n <= 300 ? n : undefined;
}

/** null when held (or nothing to lock: the namespace does not exist yet); the refusal message otherwise. */
export async function takeAppLock(cluster: ClusterPort, scope: ResourceScope, req: AppLockRequest): Promise<string | null> {
  try {
    const lock = await acquireLock(cluster, { ...req, leaseDurationSeconds: leaseSeconds(req.env), onWait: req.onNotice, onLost: req.onNotice });
    if (lock) scope.defer('the app lock', () => lock.release({ remove: req.removeOnRelease?.() ?? false }));
    return null;
  } catch (err) {
    if (err instanceof LockTimeoutError) return err.message;
    // Unreachable: the sync itself fails with one message. Refused (no RBAC on leases, say): the
    // run goes on unlocked, and says so, rather than making the lock a new way to fail a deploy.
    if (!isUnreachable(err))
      req.onNotice?.(`warning: could not take the lock of app ${req.app} (${err instanceof Error ? err.message : String(err)}); running without it`);
    return null;
  }
}

/** The result of a run that never got the lock: started and finished, Failed with reason Lock. */
export function lockRefused(bus: EventBus, plan: Plan, mode: SyncMode, server: string | null, message: string): SyncResult {
  const builder = new ResultBuilder();
  const off = bus.on(builder.listener);
  const at = Date.now();
  bus.emit({ type: 'sync-started', at, plan, mode, server });
  bus.emit({ type: 'warning', at, message });
  const result = builder.build('Failed', 'Lock', message, Date.now());
  bus.emit({ type: 'sync-finished', at: result.finishedAt, result });
  off();
  return result;
}
