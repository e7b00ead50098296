// What mode diff reports: each object of the manifests as new, changed (with a unified diff) or
// unchanged against the cluster, the inventory members a sync with prune would delete (or keep),
// and the hooks a sync would run.
import type { Phase } from '../model/phases.js';
import type { Source } from '../model/problems.js';

export type DiffChange = 'new' | 'changed' | 'unchanged';

export interface ObjectDiff {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  change: DiffChange;
  /** Unified diff, live → after the sync ('' when unchanged); Secret values masked. */
  diff: string;
  source: Source;
  /** Why the comparison is partial (an object in a namespace that does not exist yet is not dry-run); else null. */
  note: string | null;
}

export interface HookRun {
  phase: Phase;
  wave: number;
  kind: string;
  namespace: string | null;
  /** The name, or generateName followed by "…" */
  name: string;
  source: Source;
}

/** A member of the app's inventory that left the manifests. */
export interface PruneCandidate {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** The wave its prune runs in (mirrored, as the sync places it). */
  wave: number;
  /** null: `sync --prune` deletes it; else why that sync keeps it. */
  keep: 'Prune=false' | 'Prune=confirm' | null;
  /** The sync's wording for it ("kept: Prune=false ..."), or "would prune". */
  message: string;
}

export interface DiffCounts extends Record<DiffChange, number> {
  /** Members a sync with prune would delete (not the kept ones). */
  prune: number;
}

export interface DiffResult {
  app: string;
  revision: string | null;
  /** Host of the API server. */
  server: string | null;
  objects: ObjectDiff[];
  /** Hooks of PreSync, Sync and PostSync in run order, then SyncFail hooks (run only on failure). */
  hooks: HookRun[];
  /** Members that left the manifests, in the order a sync with prune visits them. */
  prunes: PruneCandidate[];
  counts: DiffCounts;
  /** Any object new or changed, or any member a sync with prune would delete. */
  changes: boolean;
}
