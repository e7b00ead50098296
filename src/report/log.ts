// The plain Actions log: a group per step with a line per task; hook logs stream live in a group
// per hook, each line prefixed with the hook's name (groups cannot nest, so a hook's first log
// line closes the step's group).
import * as core from './runner.js';
import type { EventBus, SyncEvent } from '../sync/events.js';
import { ResultBuilder } from '../sync/result-builder.js';
import { objectLabel } from '../model/object-ref.js';
import { durationOf, formatDuration, stateIcon } from './format.js';

export class LogReporter {
  /** Task names and start times come from the one fold of events. */
  private readonly fold = new ResultBuilder();
  private group: string | null = null;
  private step = '';

  attach(bus: EventBus): () => void {
    return bus.on((e) => this.handle(e));
  }

  handle(e: SyncEvent): void {
    this.fold.listener(e);
    switch (e.type) {
      case 'sync-started':
        core.info(`wavesync: ${e.plan.app}: ${e.plan.steps.length} steps (${e.mode})${e.plan.revision ? ` at ${e.plan.revision}` : ''}`);
        break;
      case 'validation-failed':
        for (const err of e.errors) core.info(err.source ? `${err.source.file}:${err.source.line}: ${err.message}` : err.message);
        break;
      case 'step-started':
        this.step = `${e.phase} wave ${e.wave}`;
        this.open(this.step);
        break;
      case 'task-applied':
        core.info(`  ${this.label(e.taskId)} ${e.action}`);
        break;
      case 'task-finished': {
        const t = this.fold.task(e.taskId);
        const took = t?.startedAt != null ? ` in ${formatDuration(durationOf(t.startedAt, e.at))}` : '';
        core.info(`  ${stateIcon(e.state)} ${this.label(e.taskId)}: ${e.state}${e.message ? ` (${e.message})` : ''}${took}`);
        break;
      }
      case 'hook-log': {
        const title = `${this.step} · logs of ${e.hookName}`;
        if (this.group !== title) this.open(title);
        core.info(`${e.hookName} | ${e.line}`);
        break;
      }
      case 'hook-deleted':
        core.info(`  hook ${e.kind} ${e.liveName} deleted (${e.why})`);
        break;
      case 'step-finished':
        this.close();
        core.info(`${stateIcon(e.state)} ${e.phase} wave ${e.wave}: ${e.state}`);
        break;
      case 'info':
        core.info(e.message);
        break;
      case 'warning':
        core.info(`warning: ${e.source ? `${e.source.file}:${e.source.line}: ` : ''}${e.message}`);
        break;
      case 'sync-finished':
        this.close();
        core.info(`wavesync: ${e.result.app}: ${e.result.result} in ${formatDuration(e.result.durationMs)}${e.result.message ? `: ${e.result.message}` : ''}`);
        break;
    }
  }

  private label(taskId: string): string {
    const t = this.fold.task(taskId);
    return t ? objectLabel(t) : taskId;
  }

  private open(title: string): void {
    this.close();
    core.startGroup(title);
    this.group = title;
  }

  private close(): void {
    if (this.group === null) return;
    core.endGroup();
    this.group = null;
  }
}
