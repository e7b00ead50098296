// The engine's event stream. Every output (log, check run, job summary, outputs, CLI view, JSON)
// is a consumer of these events; the engine knows nothing of those consumers.
import type { HealthStatus } from '../health/types.js';
import type { Phase } from '../model/phases.js';
import type { Source } from '../model/problems.js';
import type { Plan, Task } from '../plan/types.js';

export type SyncMode = 'sync' | 'delete' | 'dry-run';
export type SyncOutcome = 'Succeeded' | 'Failed' | 'Cancelled';
/** Why a sync failed, when it did. */
export type FailureReason = 'Validation' | 'Apply' | 'HookFailed' | 'Degraded' | 'Missing' | 'Timeout' | 'Cancelled' | 'Adoption' | 'Lock';

export type TaskState =
  | 'Pending'
  | 'Applying'
  | 'Applied' // plain resource applied, waiting for health
  | 'Running' // hook created, not complete
  | 'Succeeded' // healthy (resource) or completed (hook)
  | 'Failed'
  | 'Skipped'
  | 'Cancelled';

export type ApplyAction = 'created' | 'configured' | 'unchanged' | 'replaced' | 'recreated' | 'pruned' | 'deleted';

export interface TaskFailure {
  taskId: string;
  phase: Phase;
  wave: number;
  kind: string;
  namespace: string | null;
  name: string | null;
  source: Source;
  reason: FailureReason;
  message: string;
  /** Last log lines of a failed hook (at most 50). */
  logTail: string[];
}

export interface TaskResult {
  taskId: string;
  kind: string;
  namespace: string | null;
  /** The live name (generateName hooks are named at sync time). */
  name: string | null;
  hook: boolean;
  source: Source;
  state: TaskState;
  health: HealthStatus | null;
  message: string;
  action: ApplyAction | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface StepResult {
  phase: Phase;
  wave: number;
  state: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled' | 'Skipped';
  startedAt: number | null;
  finishedAt: number | null;
  tasks: TaskResult[];
}

export interface SyncResult {
  app: string;
  revision: string | null;
  mode: SyncMode;
  result: SyncOutcome;
  reason: FailureReason | null;
  message: string;
  failedPhase: Phase | null;
  failures: TaskFailure[];
  /** Failures of SyncFail hooks: reported, the result stays Failed. */
  syncFailFailures: TaskFailure[];
  steps: StepResult[];
  syncFailSteps: StepResult[];
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  server: string | null;
  /** Earlier attempts of this run that failed and were retried (retries), oldest first. */
  attempts?: AttemptSummary[];
  /** The sync of the last successful release that followed this failed one (on-failure: rollback). */
  rollback?: AttemptSummary & { revision: string | null; release: number };
  /** Where this sync is in the app's history (set by the pipeline once recorded). */
  release?: { number: number; previous: { number: number; revision: string | null; result: string; startedAt: string } | null };
}

export interface AttemptSummary {
  result: SyncOutcome;
  reason: FailureReason | null;
  message: string;
  durationMs: number;
}

export type SyncEvent =
  | { type: 'sync-started'; at: number; plan: Plan; mode: SyncMode; server: string | null }
  | { type: 'validation-failed'; at: number; errors: { source: Source | null; message: string }[] }
  | { type: 'step-started'; at: number; phase: Phase; wave: number; index: number }
  | { type: 'task-started'; at: number; taskId: string; task: Task; liveName: string | null }
  | { type: 'task-applied'; at: number; taskId: string; action: ApplyAction; liveName: string }
  | { type: 'task-health'; at: number; taskId: string; health: HealthStatus; message: string }
  | { type: 'task-finished'; at: number; taskId: string; state: TaskState; message: string; failure?: TaskFailure }
  | { type: 'hook-log'; at: number; taskId: string; hookName: string; pod: string; line: string }
  | { type: 'hook-deleted'; at: number; taskId: string; kind: string; liveName: string; why: string }
  | { type: 'step-finished'; at: number; phase: Phase; wave: number; index: number; state: StepResult['state'] }
  | { type: 'planned-change'; at: number; taskId: string; task: Task; change: 'create' | 'update' | 'unchanged'; fields: string[] }
  | { type: 'info'; at: number; message: string }
  | { type: 'warning'; at: number; message: string; source?: Source }
  | { type: 'sync-finished'; at: number; result: SyncResult };

export type SyncEventListener = (e: SyncEvent) => void;

/** A tiny typed event bus. Listener errors are isolated so one bad consumer cannot stop a sync. */
export class EventBus {
  private readonly listeners: SyncEventListener[] = [];
  on(listener: SyncEventListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }
  emit(e: SyncEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        process.stderr.write(`wavesync: an event listener failed: ${String(err)}\n`);
      }
    }
  }
}
