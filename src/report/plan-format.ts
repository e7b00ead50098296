// A plan as JSON (the documented shape) and as a readable text table.
import { qualifiedName } from '../model/object-ref.js';
import { formatProblem } from '../model/problems.js';
import type { Plan, Step, Task } from '../plan/types.js';

/** The task as published: everything but the object itself (it may hold Secret data). */
export function taskToJson(t: Task) {
  return {
    id: t.id,
    phase: t.phase,
    wave: t.wave,
    apiVersion: t.apiVersion,
    kind: t.kind,
    name: t.name,
    generateName: t.generateName,
    namespace: t.namespace,
    hook: t.hook,
    deletePolicies: t.deletePolicies,
    syncOptions: t.syncOptions,
    source: t.source,
  };
}

const stepsToJson = (steps: Step[]) => steps.map((s) => ({ phase: s.phase, wave: s.wave, tasks: s.tasks.map(taskToJson) }));

export function planToJson(plan: Plan) {
  return {
    app: plan.app,
    revision: plan.revision,
    namespace: plan.namespace,
    steps: stepsToJson(plan.steps),
    syncFail: stepsToJson(plan.syncFail),
    preDelete: stepsToJson(plan.preDelete),
    postDelete: stepsToJson(plan.postDelete),
    skipped: plan.skipped.map((s) => ({ ...s })),
    warnings: plan.warnings.map((w) => ({ message: w.message, source: w.source })),
    ...(plan.images ? { images: plan.images.map((i) => ({ ...i })) } : {}),
  };
}

function taskColumns(t: Task): string[] {
  const hook = t.hook ? `hook, delete: ${t.deletePolicies.join(',')}` : '';
  const options = t.syncOptions.join(',');
  return [t.kind, qualifiedName(t), [hook, options].filter(Boolean).join('; '), `${t.source.file}:${t.source.line}`];
}

type Line = string | string[];

function sectionLines(title: string, steps: Step[], lines: Line[]): void {
  lines.push(title);
  for (const step of steps) {
    lines.push(`  wave ${step.wave}`);
    for (const t of step.tasks) lines.push(taskColumns(t));
  }
}

/** Columns of task rows aligned across the whole output; header lines left as they are. */
function render(lines: Line[]): string {
  const rows = lines.filter((l): l is string[] => Array.isArray(l));
  const widths = rows.length ? rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length))) : [];
  return lines.map((l) => (Array.isArray(l) ? `    ${l.map((c, i) => (i < l.length - 1 ? c.padEnd(widths[i]) : c)).join('  ')}`.trimEnd() : l)).join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function planToText(plan: Plan): string {
  const lines: Line[] = [];
  const count = (steps: Step[]) => steps.reduce((n, s) => n + s.tasks.length, 0);
  lines.push(`Plan for app ${plan.app} (default namespace ${plan.namespace}, revision ${plan.revision ?? '-'})`);
  lines.push(`${plural(count(plan.steps), 'task')} in ${plural(plan.steps.length, 'step')}`);
  lines.push('');
  if (plan.steps.length === 0) lines.push('Nothing to sync.');
  for (const step of plan.steps) {
    const prev = plan.steps[plan.steps.indexOf(step) - 1];
    if (!prev || prev.phase !== step.phase) lines.push(step.phase);
    lines.push(`  wave ${step.wave}`);
    for (const t of step.tasks) lines.push(taskColumns(t));
  }
  const extra: [string, Step[]][] = [
    ['SyncFail (runs only when the sync fails)', plan.syncFail],
    ['PreDelete (delete mode, before deleting)', plan.preDelete],
    ['PostDelete (delete mode, after deleting)', plan.postDelete],
  ];
  for (const [title, steps] of extra) {
    if (steps.length === 0) continue;
    lines.push('');
    sectionLines(title, steps, lines);
  }
  if (plan.skipped.length > 0) {
    lines.push('', 'Skipped');
    for (const s of plan.skipped) lines.push([s.kind, qualifiedName(s), s.reason, `${s.source.file}:${s.source.line}`]);
  }
  if (plan.images && plan.images.length > 0) {
    lines.push('', 'Images replaced');
    for (const i of plan.images) lines.push([i.kind, `${i.name} (${i.container})`, `${i.from} → ${i.to}`, `${i.source.file}:${i.source.line}`]);
  }
  if (plan.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const w of plan.warnings) lines.push(`  ${formatProblem(w)}`);
  }
  return render(lines) + '\n';
}
