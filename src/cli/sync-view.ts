// The CLI's view of a sync, a consumer of the engine's events. On a terminal it redraws the current
// step in place (each task's state, health message and elapsed time); elsewhere it prints one
// plain line per change, which is what CI logs want.
import type { SyncEvent } from '../sync/events.js';
import { objectLabel } from '../model/object-ref.js';
import type { Task } from '../plan/types.js';

interface Row {
  label: string;
  state: string;
  message: string;
  startedAt: number;
  finishedAt: number | null;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const label = (t: Task, liveName: string | null) => objectLabel({ ...t, name: liveName ?? t.name });

export class SyncView {
  private start = 0;
  private readonly rows = new Map<string, Row>();
  private step = '';
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
  ) {}

  readonly listener = (e: SyncEvent): void => {
    if (this.tty) this.onTty(e);
    else this.onPlain(e);
  };

  private stamp(at: number): string {
    return `[${secs(at - this.start).padStart(7)}]`;
  }

  private onPlain(e: SyncEvent): void {
    const line = this.describe(e);
    if (line !== null) this.write(`${this.stamp(e.at)} ${line}\n`);
  }

  /** One line for events worth a line; null for the rest. */
  private describe(e: SyncEvent): string | null {
    switch (e.type) {
      case 'sync-started':
        this.start = e.at;
        return `sync ${e.plan.app}${e.plan.revision ? ` @ ${e.plan.revision.slice(0, 12)}` : ''} to ${e.server ?? 'cluster'} (${e.mode})`;
      case 'validation-failed':
        return `validation failed: ${e.errors.length} error(s)`;
      case 'step-started':
        return `${e.phase} wave ${e.wave}: started`;
      case 'task-started':
        this.rows.set(e.taskId, { label: label(e.task, e.liveName), state: 'Applying', message: '', startedAt: e.at, finishedAt: null });
        return null;
      case 'task-applied':
        return `  ${this.rows.get(e.taskId)?.label ?? e.liveName}: ${e.action}`;
      case 'task-health':
        return `  ${this.rows.get(e.taskId)?.label ?? e.taskId}: ${e.health}${e.message ? ` (${e.message.split('\n')[0]})` : ''}`;
      case 'task-finished': {
        const row = this.rows.get(e.taskId);
        const took = row ? ` in ${secs(e.at - row.startedAt)}` : '';
        return `  ${row?.label ?? e.taskId}: ${e.state}${took}${e.state === 'Failed' ? `: ${e.message}` : ''}`;
      }
      case 'hook-log':
        return `  ${e.hookName} | ${e.line}`;
      case 'hook-deleted':
        return `  deleted hook ${e.liveName} (${e.why})`;
      case 'step-finished':
        return `${e.phase} wave ${e.wave}: ${e.state}`;
      case 'planned-change':
        return `  ${label(e.task, null)}: would ${e.change === 'unchanged' ? 'stay unchanged' : e.change}${e.fields.length ? ` (${e.fields.join(', ')})` : ''}`;
      case 'info':
        return e.message;
      case 'warning':
        return `warning: ${e.source ? `${e.source.file}:${e.source.line}: ` : ''}${e.message}`;
      case 'sync-finished':
        return `${e.result.result}${e.result.reason ? ` (${e.result.reason})` : ''} in ${secs(e.result.durationMs)}: ${e.result.message}`;
    }
  }

  // --- terminal: a live board for the current step ----------------------------------------------

  private onTty(e: SyncEvent): void {
    switch (e.type) {
      case 'step-started':
        this.freeze();
        this.step = `${e.phase} wave ${e.wave}`;
        this.rows.clear();
        this.timer ??= setInterval(() => this.redraw(), 250);
        this.timer.unref?.();
        break;
      case 'task-started':
        this.rows.set(e.taskId, { label: label(e.task, e.liveName), state: 'Applying', message: '', startedAt: e.at, finishedAt: null });
        break;
      case 'task-applied':
      case 'task-health':
      case 'task-finished': {
        const row = this.rows.get(e.taskId);
        if (!row) break;
        if (e.type === 'task-applied') row.state = e.action;
        if (e.type === 'task-health') Object.assign(row, { state: e.health, message: e.message.split('\n')[0] });
        if (e.type === 'task-finished') Object.assign(row, { state: e.state, finishedAt: e.at, message: e.state === 'Failed' ? e.message.split('\n')[0] : row.message });
        break;
      }
      case 'step-finished':
        this.step = `${e.phase} wave ${e.wave}: ${e.state}`;
        this.freeze();
        return;
      case 'sync-finished':
        this.freeze();
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        this.printAbove(`${this.describe(e)}\n`);
        return;
      default: {
        const line = this.describe(e);
        if (line !== null) this.printAbove(`${this.stamp(e.at)} ${line}\n`);
        return;
      }
    }
    this.redraw();
  }

  private board(): string[] {
    const now = Date.now();
    const lines = [`${this.step}`];
    for (const r of this.rows.values()) {
      const took = secs((r.finishedAt ?? now) - r.startedAt);
      lines.push(`  ${r.label.padEnd(40)} ${r.state.padEnd(11)} ${took.padStart(7)}  ${r.message}`.slice(0, process.stdout.columns || 160));
    }
    return lines;
  }

  private clear(): void {
    if (this.drawn > 0) this.write(`\x1b[${this.drawn}A\x1b[J`);
    this.drawn = 0;
  }

  private redraw(): void {
    if (!this.step) return;
    this.clear();
    const lines = this.board();
    this.write(lines.join('\n') + '\n');
    this.drawn = lines.length;
  }

  private printAbove(text: string): void {
    this.clear();
    this.write(text);
    this.redraw();
  }

  /** Leave the finished step on screen and start a new board below it. */
  private freeze(): void {
    if (!this.step) return;
    this.redraw();
    this.drawn = 0;
    this.step = '';
  }
}
