// What the check run shows while a sync runs: the title and the steps table, read from a snapshot
// of the one fold of events (ResultBuilder). SyncFail steps appear once they start.
import { ResultBuilder } from '../sync/result-builder.js';
import type { StepResult, SyncEvent } from '../sync/events.js';
import { durationOf, formatDuration, mdCell, stateIcon } from './format.js';

export class ProgressTracker {
  private readonly fold = new ResultBuilder();

  apply(e: SyncEvent): void {
    this.fold.listener(e);
  }

  private shown(): StepResult[] {
    return this.fold.snapshot().steps.filter((s) => s.phase !== 'SyncFail' || s.state !== 'Pending');
  }

  /** "Sync wave 1: running (step 3 of 5)". */
  title(): string {
    const { plan, current } = this.fold.snapshot();
    const steps = this.shown();
    if (!current) return plan ? `Starting: ${steps.length} steps planned` : 'Starting';
    return `${current.phase} wave ${current.wave}: ${current.state.toLowerCase()} (step ${steps.indexOf(current) + 1} of ${steps.length})`;
  }

  /** A Markdown table of phases and waves with their state. */
  table(now: number): string {
    const rows = this.shown().map((s) => {
      const done = s.tasks.filter((t) => t.state === 'Succeeded' || t.state === 'Skipped').length;
      const failed = s.tasks.filter((t) => t.state === 'Failed').length;
      const tasks = `${done}/${s.tasks.length} done${failed ? `, ${failed} failed` : ''}`;
      const took = s.startedAt == null ? '' : formatDuration(durationOf(s.startedAt, s.finishedAt ?? now));
      return `| ${s.phase} | ${s.wave} | ${stateIcon(s.state)} ${s.state} | ${mdCell(tasks)} | ${took} |`;
    });
    return ['| Phase | Wave | State | Tasks | Duration |', '| --- | ---: | --- | --- | ---: |', ...rows].join('\n');
  }
}
