// Whole-sync retries (SEMANTICS 8), as Argo CD's retry policy: a failed sync is tried again after
// a pause that doubles each time (at most 3 minutes), up to `retries` times. A sync that never
// changed anything because its input was refused (Validation, Adoption, Lock) is not retried:
// trying again cannot help. A cancelled sync is not retried.
import type { SyncResult } from '../sync/events.js';

export const RETRY_FACTOR = 2;
export const RETRY_MAX_MS = 3 * 60_000;

export function retryable(r: SyncResult): boolean {
  return r.result === 'Failed' && r.reason !== 'Validation' && r.reason !== 'Adoption' && r.reason !== 'Lock' && r.reason !== 'Cancelled';
}

/** The pause before retry number `n` (0 for the first). */
export function backoffMs(baseMs: number, n: number): number {
  return Math.min(RETRY_MAX_MS, baseMs * RETRY_FACTOR ** n);
}
