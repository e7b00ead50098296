// What the reporters read: the engine's result plus what the event stream said along the way.
import type { Warning } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import type { SyncResult } from '../sync/events.js';

/** The action's `mode`: sync applies; plan and diff only report (their check run is neutral). */
export type ReportMode = 'sync' | 'plan' | 'diff' | 'delete' | 'dry-run';

/**
 * An inventory member no longer in the manifests. Not yet part of SyncResult: the reporters read
 * it from `result.pruned` when the engine provides it (proposed optional field).
 */
export interface PruneRecord {
  kind: string;
  namespace: string | null;
  name: string;
  /** pruned: deleted; would-prune: reported only (prune off); kept: Prune=false on the object. */
  state: 'pruned' | 'would-prune' | 'kept';
  reason?: string;
  source?: Source | null;
}

export type ReportableResult = SyncResult & { pruned?: PruneRecord[] };

/** Everything one report is built from. */
export interface ReportInput {
  result: ReportableResult;
  plan: Plan | null;
  /** `warning` events, in order. */
  warnings: Warning[];
  /** `validation-failed` event errors. */
  validationErrors: Warning[];
}

export function prunedOf(result: SyncResult): PruneRecord[] {
  const p = (result as ReportableResult).pruned;
  return Array.isArray(p) ? p : [];
}

export function isReadOnlyMode(mode: ReportMode): boolean {
  return mode === 'plan' || mode === 'diff' || mode === 'dry-run';
}
