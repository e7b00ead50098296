// What mode diff reports: each object of the manifests as new, changed (with a unified diff) or
// unchanged against the cluster, and the hooks a sync would run.
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

export interface DiffResult {
  app: string;
  revision: string | null;
  /** Host of the API server. */
  server: string | null;
  objects: ObjectDiff[];
  /** Hooks of PreSync, Sync and PostSync in run order, then SyncFail hooks (run only on failure). */
  hooks: HookRun[];
  counts: Record<DiffChange, number>;
  /** Any object new or changed. */
  changes: boolean;
}
