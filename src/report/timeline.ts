// A Mermaid gantt chart of the steps (and the hooks in them), so a reader sees where time went.
import type { StepResult } from '../sync/events.js';

const MAX_BARS = 80;

/** Mermaid treats ':' '#' ';' and '%' specially in gantt lines: keep names to plain words. */
export function ganttText(text: string): string {
  return (
    text
      .replace(/[:;#%\r\n`<>{}[\]"]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'unnamed'
  );
}

export function ganttChart(steps: StepResult[]): string | null {
  const ran = steps.filter((s) => s.startedAt != null);
  if (ran.length === 0) return null;
  const first = Math.min(...ran.map((s) => s.startedAt as number));
  const last = Math.max(...ran.map((s) => s.finishedAt ?? s.startedAt ?? first));
  const lines = ['gantt', '  title Sync timeline', '  dateFormat x', `  axisFormat ${last - first > 3_600_000 ? '%H:%M' : '%M:%S'}`];
  let bars = 0;
  let section = '';
  for (const s of ran) {
    if (bars >= MAX_BARS) break;
    if (s.phase !== section) {
      section = s.phase;
      lines.push(`  section ${ganttText(s.phase)}`);
    }
    const n = s.tasks.length;
    lines.push(bar(`wave ${s.wave} (${n} ${n === 1 ? 'task' : 'tasks'})`, tag(s.state), `s${bars++}`, s.startedAt as number, s.finishedAt));
    for (const t of s.tasks) {
      if (!t.hook || t.startedAt == null || bars >= MAX_BARS) continue;
      lines.push(bar(`${t.kind} ${t.name ?? 'hook'}`, tag(t.state), `s${bars++}`, t.startedAt, t.finishedAt));
    }
  }
  return lines.join('\n');
}

function bar(name: string, tags: string, id: string, start: number, end: number | null): string {
  // Mermaid draws nothing for a zero-length bar: give every bar at least 1 ms.
  const stop = Math.max(start + 1, end ?? start + 1);
  return `  ${ganttText(name)} :${tags}${id}, ${Math.round(start)}, ${Math.round(stop)}`;
}

function tag(state: string): string {
  if (state === 'Failed') return 'crit, ';
  if (state === 'Succeeded') return 'done, ';
  if (state === 'Running' || state === 'Applying' || state === 'Applied') return 'active, ';
  return '';
}
