// The live state of a sync, folded from events: what the check run shows while it runs.
import type { Phase } from '../model/phases.js';
import type { Plan } from '../plan/types.js';
import type { StepResult, SyncEvent, TaskState } from '../sync/events.js';
import { durationOf, formatDuration, mdCell, stateIcon } from './format.js';

export interface StepProgress {
  phase: Phase;
  wave: number;
  state: StepResult['state'];
  startedAt: number | null;
  finishedAt: number | null;
  taskIds: string[];
}

export class ProgressTracker {
  plan: Plan | null = null;
  readonly steps: StepProgress[] = [];
  readonly taskStates = new Map<string, TaskState>();
  private current: StepProgress | null = null;

  apply(e: SyncEvent): void {
    switch (e.type) {
      case 'sync-started':
        this.plan = e.plan;
        for (const s of e.plan.steps) this.steps.push(newStep(s.phase, s.wave, s.tasks.map((t) => t.id)));
        break;
      case 'step-started': {
        const step = this.find(e.phase, e.wave) ?? this.add(e.phase, e.wave);
        step.state = 'Running';
        step.startedAt = e.at;
        this.current = step;
        break;
      }
      case 'step-finished': {
        const step = this.find(e.phase, e.wave) ?? this.add(e.phase, e.wave);
        step.state = e.state;
        step.finishedAt = e.at;
        break;
      }
      case 'task-started':
        this.taskStates.set(e.taskId, 'Applying');
        break;
      case 'task-applied':
        this.taskStates.set(e.taskId, 'Applied');
        break;
      case 'task-finished':
        this.taskStates.set(e.taskId, e.state);
        break;
      default:
        break;
    }
  }

  /** "Sync wave 1 (step 3 of 5)". */
  title(): string {
    const c = this.current;
    if (!c) return this.plan ? `Starting: ${this.steps.length} steps planned` : 'Starting';
    const i = this.steps.indexOf(c) + 1;
    return `${c.phase} wave ${c.wave}: ${c.state.toLowerCase()} (step ${i} of ${this.steps.length})`;
  }

  /** A Markdown table of phases and waves with their state. */
  table(now: number): string {
    const rows = this.steps.map((s) => {
      const done = s.taskIds.filter((id) => ['Succeeded', 'Skipped'].includes(this.taskStates.get(id) ?? '')).length;
      const failed = s.taskIds.filter((id) => this.taskStates.get(id) === 'Failed').length;
      const tasks = `${done}/${s.taskIds.length} done${failed ? `, ${failed} failed` : ''}`;
      const took = s.startedAt == null ? '' : formatDuration(durationOf(s.startedAt, s.finishedAt ?? now));
      return `| ${s.phase} | ${s.wave} | ${stateIcon(s.state)} ${s.state} | ${mdCell(tasks)} | ${took} |`;
    });
    return ['| Phase | Wave | State | Tasks | Duration |', '| --- | ---: | --- | --- | ---: |', ...rows].join('\n');
  }

  private find(phase: Phase, wave: number): StepProgress | undefined {
    return this.steps.find((s) => s.phase === phase && s.wave === wave);
  }

  private add(phase: Phase, wave: number): StepProgress {
    const ids = (this.plan?.syncFail ?? []).find((s) => s.phase === phase && s.wave === wave)?.tasks.map((t) => t.id) ?? [];
    const step = newStep(phase, wave, ids);
    this.steps.push(step);
    return step;
  }
}

function newStep(phase: Phase, wave: number, taskIds: string[]): StepProgress {
  return { phase, wave, state: 'Pending', startedAt: null, finishedAt: null, taskIds };
}
