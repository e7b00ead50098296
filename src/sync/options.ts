// Everything the engine needs for one run; src/pipeline/sync.ts builds it from the run's options.
import type { ClusterPort } from '../cluster/port.js';
import type { Plan } from '../plan/types.js';
import type { EventBus, SyncMode } from './events.js';
import type { HealthRules } from './health-adapter.js';
import type { InventoryOptions } from './inventory-stage.js';

export interface EngineOptions {
  cluster: ClusterPort;
  plan: Plan;
  bus: EventBus;
  mode: SyncMode;
  /** Budget for the whole sync; reaching it fails the waiting tasks with reason Timeout. */
  timeoutMs: number;
  /** Extra pause after each gate opens (default 0: the next step starts at once). */
  waveDelayMs: number;
  /** A pod stuck in ImagePullBackOff, CrashLoopBackOff... this long fails its workload. */
  failFastAfterMs: number;
  /** Create the plan's namespace before the dry run. */
  createNamespace: boolean;
  /** User CEL health rules (health-checks input). */
  healthRules?: HealthRules;
  /** Aborting it cancels the sync (SIGINT/SIGTERM, workflow cancelled). */
  signal?: AbortSignal;
  /** Parallel applies inside a run of one kind. */
  concurrency?: number;
  /** Budget for SyncFail hooks after a failure (default: min(timeout, 5 min)). */
  syncFailTimeoutMs?: number;
  /** Keep the app's inventory (ApplySet) and prune by it; absent: no inventory at all. */
  inventory?: InventoryOptions;
  /** Clock, for tests. */
  now?: () => number;
}

/**
 * Parallel applies (and dry runs) in flight. The API server answers hundreds at once; 4 left a
 * 1,000-object wave waiting on round trips (issue 13's benchmark).
 */
export const DEFAULT_CONCURRENCY = 32;
export const SYNC_FAIL_TIMEOUT_CAP_MS = 5 * 60_000;
export const LOG_TAIL_LINES = 50;
