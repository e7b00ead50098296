// Annotations on manifest lines: pure functions from a report input to a list, most important
// first (failures, then warnings, then one notice per phase that ran).
import type { Source } from '../model/problems.js';
import type { Phase } from '../model/phases.js';
import type { StepResult, TaskFailure } from '../sync/events.js';
import { objectLabel } from '../model/object-ref.js';
import { clip, durationOf, formatDuration } from './format.js';
import { prunedOf, type ReportInput } from './types.js';

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** Relative to the repository root; null when the object has no manifest (a live object). */
  path: string | null;
  line: number;
  title: string;
  message: string;
  rawDetails?: string;
}

/** GitHub's limit of annotations per check-run request. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
const MAX_TEXT = 64 * 1024 - 64;
const MAX_TITLE = 255;
const LOG_LINES_IN_MESSAGE = 10;

export function buildAnnotations(input: ReportInput): Annotation[] {
  const { result } = input;
  return [
    ...result.failures.map((f) => failureAnnotation(f, false)),
    ...result.syncFailFailures.map((f) => failureAnnotation(f, true)),
    ...input.validationErrors.map((e) => at(e.source, 'failure', 'Invalid manifest', e.message)),
    ...warningAnnotations(input),
    ...phaseNotices([...result.steps, ...result.syncFailSteps]),
  ];
}

function failureAnnotation(f: TaskFailure, inSyncFail: boolean): Annotation {
  const what = objectLabel(f);
  const title = `${f.phase} wave ${f.wave}: ${what} failed (${f.reason})${inSyncFail ? ' in SyncFail' : ''}`;
  let message = f.message || f.reason;
  if (f.logTail.length > 0) {
    message += `\n\nLast log lines:\n${f.logTail.slice(-LOG_LINES_IN_MESSAGE).join('\n')}`;
  }
  const a = at(f.source, 'failure', title, message);
  if (f.logTail.length > LOG_LINES_IN_MESSAGE) a.rawDetails = clip(f.logTail.join('\n'), MAX_TEXT);
  return a;
}

function warningAnnotations(input: ReportInput): Annotation[] {
  const { result, plan } = input;
  const out: Annotation[] = [];
  for (const step of result.steps) {
    for (const t of step.tasks) {
      if (t.health === 'Suspended') {
        const msg = `${objectLabel(t)} is Suspended${t.message ? `: ${t.message}` : ''}. It passed the health gate; it is not running.`;
        out.push(at(t.source, 'warning', 'Suspended resource', msg));
      }
    }
  }
  for (const p of prunedOf(result)) {
    if (p.state === 'pruned') continue;
    const title = p.state === 'would-prune' ? 'Would be pruned' : 'Kept (Prune=false)';
    const msg =
      p.state === 'would-prune'
        ? `${objectLabel(p)} is no longer in the manifests and would be deleted with prune: true.`
        : `${objectLabel(p)} is no longer in the manifests; kept because of Prune=false.`;
    out.push(at(p.source ?? null, 'warning', title, p.reason ? `${msg} ${p.reason}` : msg));
  }
  for (const s of plan?.skipped ?? []) {
    out.push(at(s.source, 'warning', 'Skipped', `${objectLabel(s)} is not applied: ${s.reason}`));
  }
  const seen = new Set<string>();
  for (const w of [...(plan?.warnings ?? []), ...input.warnings]) {
    const key = `${w.source?.file}:${w.source?.line}:${w.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(at(w.source, 'warning', 'Warning', w.message));
  }
  return out;
}

/** One notice per phase that ran, e.g. "PreSync: 2 hooks succeeded in 14 s". */
export function phaseNotices(steps: StepResult[]): Annotation[] {
  const byPhase = new Map<Phase, StepResult[]>();
  for (const s of steps) {
    if (s.startedAt == null) continue;
    byPhase.set(s.phase, [...(byPhase.get(s.phase) ?? []), s]);
  }
  const out: Annotation[] = [];
  for (const [phase, ran] of byPhase) {
    const first = ran.find((s) => s.tasks.length > 0)?.tasks[0];
    if (!first) continue;
    out.push(at(first.source, 'notice', `${phase} ${phaseState(ran)}`, phaseLine(phase, ran)));
  }
  return out;
}

function phaseState(steps: StepResult[]): string {
  if (steps.some((s) => s.state === 'Failed')) return 'failed';
  if (steps.some((s) => s.state === 'Cancelled')) return 'cancelled';
  if (steps.some((s) => s.state === 'Running' || s.state === 'Pending')) return 'did not finish';
  return 'succeeded';
}

export function phaseLine(phase: Phase, steps: StepResult[]): string {
  const tasks = steps.flatMap((s) => s.tasks);
  const count = (hook: boolean, state: string) => tasks.filter((t) => t.hook === hook && t.state === state).length;
  const parts: string[] = [];
  const hooksOk = count(true, 'Succeeded');
  const resOk = count(false, 'Succeeded');
  if (hooksOk) parts.push(`${plural(hooksOk, 'hook')} succeeded`);
  if (resOk) parts.push(`${plural(resOk, 'resource')} healthy`);
  const failed = tasks.filter((t) => t.state === 'Failed').length;
  if (failed) parts.push(`${failed} failed`);
  const notRun = tasks.filter((t) => !['Succeeded', 'Failed'].includes(t.state)).length;
  if (notRun) parts.push(`${notRun} not finished`);
  const start = Math.min(...steps.map((s) => s.startedAt ?? Infinity));
  const end = Math.max(...steps.map((s) => s.finishedAt ?? -Infinity));
  const took = Number.isFinite(start) && Number.isFinite(end) ? ` in ${formatDuration(durationOf(start, end))}` : '';
  const waves = steps.length > 1 ? ` (waves ${steps.map((s) => s.wave).join(', ')})` : '';
  return `${phase}: ${parts.join(', ') || 'nothing to do'}${took}${waves}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function at(source: Source | null, level: AnnotationLevel, title: string, message: string): Annotation {
  return {
    level,
    path: source?.file ?? null,
    line: Math.max(1, source?.line ?? 1),
    title: clip(title, MAX_TITLE),
    message: clip(message, MAX_TEXT),
  };
}

/** The Checks API shape of an annotation (only those with a manifest path can be sent). */
export function toCheckRunAnnotation(a: Annotation & { path: string }) {
  return {
    path: a.path,
    start_line: a.line,
    end_line: a.line,
    annotation_level: a.level,
    title: a.title,
    message: a.message,
    ...(a.rawDetails ? { raw_details: a.rawDetails } : {}),
  };
}

export function withPath(list: Annotation[]): (Annotation & { path: string })[] {
  return list.filter((a): a is Annotation & { path: string } => a.path !== null);
}

export function inBatches<T>(items: T[], size = MAX_ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
