// The one fold of the event stream into a result. The engine uses it for its own SyncResult, and
// live views (check-run progress, the Actions log, the CLI board) keep one each and read snapshots
// of it, so nothing that reports a sync keeps a second copy of its state.
import type { Phase } from '../model/phases.js';
import type { Plan, Step, Task } from '../plan/types.js';
import type { FailureReason, StepResult, SyncEvent, SyncMode, SyncOutcome, SyncResult, TaskFailure, TaskResult } from './events.js';

const isSyncFail = (phase: Phase) => phase === 'SyncFail';

export class ResultBuilder {
  private plan: Plan | null = null;
  private mode: SyncMode = 'sync';
  private server: string | null = null;
  private startedAt = 0;
  private readonly steps = new Map<string, StepResult>();
  private readonly tasks = new Map<string, TaskResult>();
  private readonly failures: TaskFailure[] = [];
  private readonly syncFailFailures: TaskFailure[] = [];

  readonly listener = (e: SyncEvent): void => this.apply(e);

  private stepKey = (phase: Phase, wave: number) => `${phase}/${wave}`;

  private initSteps(steps: Step[]): void {
    for (const s of steps) {
      this.steps.set(this.stepKey(s.phase, s.wave), {
        phase: s.phase,
        wave: s.wave,
        state: 'Pending',
        startedAt: null,
        finishedAt: null,
        tasks: s.tasks.map((t) => this.initTask(t)),
      });
    }
  }

  private initTask(t: Task): TaskResult {
    const r: TaskResult = {
      taskId: t.id,
      kind: t.kind,
      namespace: t.namespace,
      name: t.name,
      hook: t.hook,
      source: t.source,
      state: 'Pending',
      health: null,
      message: '',
      action: null,
      startedAt: null,
      finishedAt: null,
    };
    this.tasks.set(t.id, r);
    return r;
  }

  private apply(e: SyncEvent): void {
    switch (e.type) {
      case 'sync-started':
        this.plan = e.plan;
        this.mode = e.mode;
        this.server = e.server;
        this.startedAt = e.at;
        this.initSteps(e.mode === 'delete' ? [...e.plan.preDelete, ...e.plan.steps, ...e.plan.postDelete] : e.plan.steps);
        this.initSteps(e.plan.syncFail);
        break;
      case 'step-started': {
        const s = this.steps.get(this.stepKey(e.phase, e.wave));
        if (s) Object.assign(s, { state: 'Running', startedAt: e.at });
        this.current = s ?? this.current;
        break;
      }
      case 'step-finished': {
        const s = this.steps.get(this.stepKey(e.phase, e.wave));
        if (s) Object.assign(s, { state: e.state, finishedAt: e.at });
        break;
      }
      case 'task-started': {
        const t = this.tasks.get(e.taskId);
        if (t) Object.assign(t, { state: 'Applying', startedAt: e.at, name: e.liveName ?? t.name, namespace: e.task.namespace });
        break;
      }
      case 'task-applied': {
        const t = this.tasks.get(e.taskId);
        if (t) Object.assign(t, { state: t.hook ? 'Running' : 'Applied', action: e.action, name: e.liveName });
        break;
      }
      case 'planned-change': {
        const t = this.tasks.get(e.taskId);
        const action = { create: 'created', update: 'configured', unchanged: 'unchanged' } as const;
        if (t)
          Object.assign(t, { action: action[e.change], message: e.fields.length ? `would change ${e.fields.join(', ')}` : `would be ${action[e.change]}` });
        break;
      }
      case 'task-health': {
        const t = this.tasks.get(e.taskId);
        if (t) Object.assign(t, { health: e.health, message: e.message });
        break;
      }
      case 'task-finished': {
        const t = this.tasks.get(e.taskId);
        if (t) Object.assign(t, { state: e.state, message: e.message || t.message, finishedAt: e.at });
        if (e.failure) (isSyncFail(e.failure.phase) ? this.syncFailFailures : this.failures).push(e.failure);
        break;
      }
      default:
        break;
    }
  }

  /** The step that started last, if any. */
  private current: StepResult | null = null;

  /** Every step so far, sync steps then SyncFail steps, as live objects (read, do not change). */
  snapshot(): { plan: Plan | null; steps: StepResult[]; current: StepResult | null } {
    const all = [...this.steps.values()];
    return { plan: this.plan, steps: [...all.filter((s) => !isSyncFail(s.phase)), ...all.filter((s) => isSyncFail(s.phase))], current: this.current };
  }

  /** One task as it stands (its live name once it has one). */
  task(taskId: string): TaskResult | undefined {
    return this.tasks.get(taskId);
  }

  /** The first task failure of the sync (not of SyncFail), if any. */
  firstFailure(): TaskFailure | undefined {
    return this.failures[0];
  }

  build(outcome: SyncOutcome, reason: FailureReason | null, message: string, at: number): SyncResult {
    const all = [...this.steps.values()];
    return {
      app: this.plan?.app ?? '',
      revision: this.plan?.revision ?? null,
      mode: this.mode,
      result: outcome,
      reason,
      message,
      failedPhase: this.failures[0]?.phase ?? null,
      failures: [...this.failures],
      syncFailFailures: [...this.syncFailFailures],
      steps: all.filter((s) => !isSyncFail(s.phase)),
      syncFailSteps: all.filter((s) => isSyncFail(s.phase)),
      startedAt: this.startedAt,
      finishedAt: at,
      durationMs: at - this.startedAt,
      server: this.server,
    };
  }
}
