// What the finished check run says: conclusion, title and the steps table (pure).
import type { Plan } from '../plan/types.js';
import type { StepResult, SyncResult } from '../sync/events.js';
import { objectLabel } from '../model/object-ref.js';
import { durationOf, formatDuration, stateIcon } from './format.js';
import { isReadOnlyMode, type ReportMode } from './types.js';

export type Conclusion = 'success' | 'failure' | 'cancelled' | 'neutral';

export function conclusionFor(result: SyncResult | null, mode: ReportMode): Conclusion {
  if (!result) return isReadOnlyMode(mode) ? 'neutral' : 'failure';
  // A plan or diff that could be made is neutral; one that failed (invalid manifests) is not.
  if (isReadOnlyMode(mode)) return result.result === 'Failed' ? 'failure' : 'neutral';
  return result.result === 'Succeeded' ? 'success' : result.result === 'Cancelled' ? 'cancelled' : 'failure';
}

export function finalTitle(result: SyncResult): string {
  const took = formatDuration(result.durationMs);
  const tasks = result.steps.reduce((n, s) => n + s.tasks.length, 0);
  if (result.result === 'Succeeded') return `Succeeded: ${tasks} tasks in ${result.steps.length} steps, ${took}`;
  const f = result.failures[0];
  const where = result.failedPhase ? ` in ${result.failedPhase}` : '';
  const what = f ? `: ${objectLabel(f)} (${f.reason})` : result.reason ? ` (${result.reason})` : '';
  return `${result.result}${where}${what} after ${took}`.slice(0, 255);
}

export function planTitle(plan: Plan): string {
  const tasks = plan.steps.reduce((n, s) => n + s.tasks.length, 0);
  return `Planned: ${tasks} tasks in ${plan.steps.length} steps (nothing applied)`;
}

/** Markdown table of phases and waves with their final state. */
export function stepsTable(steps: StepResult[]): string {
  const rows = steps.map((s) => {
    const ok = s.tasks.filter((t) => t.state === 'Succeeded').length;
    const failed = s.tasks.filter((t) => t.state === 'Failed').length;
    const tasks = `${ok}/${s.tasks.length} succeeded${failed ? `, ${failed} failed` : ''}`;
    const state = s.state === 'Pending' ? '⏹️ Not run' : `${stateIcon(s.state)} ${s.state}`;
    return `| ${s.phase} | ${s.wave} | ${state} | ${tasks} | ${formatDuration(durationOf(s.startedAt, s.finishedAt))} |`;
  });
  return ['| Phase | Wave | State | Tasks | Duration |', '| --- | ---: | --- | --- | ---: |', ...rows].join('\n');
}

export function planStepsTable(plan: Plan): string {
  const rows = plan.steps.map((s) => `| ${s.phase} | ${s.wave} | ${s.tasks.length} | ${s.tasks.filter((t) => t.hook).length} |`);
  return ['| Phase | Wave | Tasks | Hooks |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}
