// The CLI's view of a sync, a consumer of the engine's events. On a terminal it redraws the current
// step in place (each task's state, health message and elapsed time); elsewhere it prints one
// plain line per change, which is what CI logs want. Tasks are read from the one fold of events.
import { objectLabel } from '../model/object-ref.js';
import type { SyncEvent, TaskResult } from '../sync/events.js';
import { ResultBuilder } from '../sync/result-builder.js';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const FINISHED = new Set(['Succeeded', 'Failed', 'Skipped', 'Cancelled']);

export class SyncView {
  private start = 0;
  private readonly fold = new ResultBuilder();
  private step = '';
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (text: string) => void,
    private readonly tty: boolean,
  ) {}

  readonly listener = (e: SyncEvent): void => {
    this.fold.listener(e);
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
      case 'sync-started': {
        this.start = e.at;
        const head = `sync ${e.plan.app}${e.plan.revision ? ` @ ${e.plan.revision.slice(0, 12)}` : ''} to ${e.server ?? 'cluster'} (${e.mode})`;
        // The plan's warnings (a Helm test hook left out, a namespace dropped...) come before any step.
        const warnings = e.plan.warnings.map((w) => `\n${this.stamp(e.at)} warning: ${w.source ? `${w.source.file}:${w.source.line}: ` : ''}${w.message}`);
        return head + warnings.join('');
      }
      case 'validation-failed':
        return `validation failed: ${e.errors.length} error(s)`;
      case 'step-started':
        return `${e.phase} wave ${e.wave}: started`;
      case 'task-started':
        return null;
      case 'task-applied':
        return `  ${this.label(e.taskId, e.liveName)}: ${e.action}`;
      case 'task-health':
        return `  ${this.label(e.taskId)}: ${e.health}${e.message ? ` (${e.message.split('\n')[0]})` : ''}`;
      case 'task-finished': {
        const t = this.fold.task(e.taskId);
        const took = t?.startedAt != null ? ` in ${secs(e.at - t.startedAt)}` : '';
        return `  ${this.label(e.taskId)}: ${e.state}${took}${e.state === 'Failed' ? `: ${e.message}` : ''}`;
      }
      case 'hook-log':
        return `  ${e.hookName} | ${e.line}`;
      case 'hook-deleted':
        return `  deleted hook ${e.kind} ${e.liveName} (${e.why})`;
      case 'step-finished':
        return `${e.phase} wave ${e.wave}: ${e.state}`;
      case 'planned-change':
        return `  ${objectLabel(e.task)}: would ${e.change === 'unchanged' ? 'stay unchanged' : e.change}${e.fields.length ? ` (${e.fields.join(', ')})` : ''}`;
      case 'info':
        return e.message;
      case 'warning':
        return `warning: ${e.source ? `${e.source.file}:${e.source.line}: ` : ''}${e.message}`;
      case 'sync-finished':
        return `${e.result.result}${e.result.reason ? ` (${e.result.reason})` : ''} in ${secs(e.result.durationMs)}: ${e.result.message}`;
    }
  }

  private label(taskId: string, fallback: string = taskId): string {
    const t = this.fold.task(taskId);
    return t ? objectLabel(t) : fallback;
  }

  // --- terminal: a live board for the current step ----------------------------------------------

  private onTty(e: SyncEvent): void {
    switch (e.type) {
      case 'step-started':
        this.freeze();
        this.step = `${e.phase} wave ${e.wave}`;
        this.timer ??= setInterval(() => this.redraw(), 250);
        this.timer.unref?.();
        break;
      case 'task-started':
      case 'task-applied':
      case 'task-health':
      case 'task-finished':
        break;
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
    for (const t of this.fold.snapshot().current?.tasks ?? []) {
      if (t.startedAt == null) continue;
      const took = secs((t.finishedAt ?? now) - t.startedAt);
      lines.push(`  ${objectLabel(t).padEnd(40)} ${boardState(t).padEnd(11)} ${took.padStart(7)}  ${t.message.split('\n')[0]}`.slice(0, process.stdout.columns || 160));
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

/** Finished tasks show their state; running ones their health, else what the apply did. */
function boardState(t: TaskResult): string {
  return FINISHED.has(t.state) ? t.state : (t.health ?? t.action ?? t.state);
}
