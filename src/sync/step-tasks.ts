// The tasks of one step and how each ends: finished in a final state with one task-finished event,
// a failure carrying the task's file and line. The step fails with the first failure's reason.
import type { Step } from '../plan/types.js';
import type { FailureReason, TaskFailure, TaskState } from './events.js';
import type { RunContext } from './run-context.js';
import { TaskTracker } from './task-tracker.js';
import { describeApiError } from './validate.js';

/** What the step is doing, so an unexpected error can say when it happened. */
export type Stage = 'watch' | 'BeforeHookCreation' | 'apply' | 'health';

const DURING: Record<Stage, string> = {
  watch: 'while watching',
  BeforeHookCreation: 'while deleting the previous hook',
  apply: 'while applying',
  health: 'while checking health',
};

export class StepTasks {
  readonly all: TaskTracker[];
  /** The step's failure reason: the first one wins. */
  failed: FailureReason | null = null;
  stage: Stage = 'watch';
  /** Called when a task finishes, so the gate looks again at once. */
  wake: () => void = () => {};

  constructor(
    private readonly ctx: RunContext,
    step: Step,
  ) {
    this.all = step.tasks.map((t) => new TaskTracker(t, ctx.liveName(t)));
  }

  open(): TaskTracker[] {
    return this.all.filter((t) => !t.done);
  }

  /** Fails the step; the task too unless it has already finished (its first verdict stands). */
  fail(t: TaskTracker, reason: FailureReason, message: string): void {
    this.failed ??= reason;
    const failure: TaskFailure = {
      taskId: t.task.id,
      phase: t.task.phase,
      wave: t.task.wave,
      kind: t.task.kind,
      namespace: t.task.namespace,
      name: t.liveName,
      source: t.task.source,
      reason,
      message,
      logTail: t.logs?.tail() ?? [],
    };
    this.finish(t, 'Failed', message, failure);
  }

  /** An error nobody expected: it goes on the first unfinished task, with its file and line. */
  failUnexpected(err: unknown): void {
    const [first, ...rest] = this.open();
    if (first) this.fail(first, 'Apply', `unexpected error ${DURING[this.stage]}: ${describeApiError(err)}`);
    else this.failed ??= 'Apply';
    for (const t of rest) this.finish(t, 'Cancelled', 'not awaited: the step stopped on an unexpected error');
  }

  finish(t: TaskTracker, state: TaskState, message: string, failure?: TaskFailure): void {
    if (t.done) return;
    t.moveTo(state);
    t.logs?.stop();
    this.ctx.bus.emit({ type: 'task-finished', at: this.ctx.now(), taskId: t.task.id, state, message, failure });
    this.wake();
  }
}
