// The job summary: pure Markdown builders for a sync and for a plan, and the writer.
import { isLiveSource } from '../model/live-source.js';
import * as core from './runner.js';
import type { Source } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import type { StepResult, SyncOutcome, SyncResult, TaskFailure } from '../sync/events.js';
import { objectLabel, qualifiedName } from '../model/object-ref.js';
import { codeBlock, durationOf, escapeHtml, formatDuration, healthIcon, inlineCode, mdCell, stateIcon } from './format.js';
import { blobUrl, type GitHubContext } from './github-context.js';
import { ganttChart } from './timeline.js';
import { prunedOf, type ReportInput } from './types.js';

/** GitHub refuses a step summary over 1 MiB; keep room for the truncation note. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const MAX_ROWS_PER_TABLE = 400;

export interface SummaryOptions {
  github?: GitHubContext | null;
  /** Host of the cluster's API server (never a URL with credentials). */
  serverHost?: string | null;
  checkRunUrl?: string | null;
  /** Markdown explaining why there is no check run, when there is none. */
  noCheckRun?: string | null;
  maxBytes?: number;
}

const OUTCOME_ICON: Record<SyncOutcome, string> = { Succeeded: '✅', Failed: '❌', Cancelled: '🚫' };

export function buildSyncSummary(input: ReportInput, opts: SummaryOptions = {}): string {
  const r = input.result;
  const rev = r.revision ? ` at ${inlineCode(r.revision.slice(0, 12))}` : '';
  const verb = r.mode === 'delete' ? 'deletion of' : r.mode === 'dry-run' ? 'dry run of' : 'sync of';
  const head = [`## ${OUTCOME_ICON[r.result]} ${r.result}: wavesync ${verb} ${inlineCode(r.app)}${rev}`];
  if (r.result !== 'Succeeded' && r.message) head.push('', `**${r.reason ?? r.result}:** ${escapeHtml(r.message)}`);
  if (opts.noCheckRun) head.push('', opts.noCheckRun);
  head.push(
    '',
    factsTable([
      ['App', inlineCode(r.app)],
      ['Revision', r.revision ? inlineCode(r.revision) : '–'],
      ['Cluster', opts.serverHost ? inlineCode(opts.serverHost) : '–'],
      ['Mode', r.mode],
      ['Duration', formatDuration(r.durationMs)],
      ['Started', new Date(r.startedAt).toISOString()],
      ...releaseRows(r, opts.github ?? null),
      ...checkRunRow(opts.checkRunUrl),
    ]),
  );

  const sections: string[] = [];
  const gantt = ganttChart([...r.steps, ...r.syncFailSteps]);
  if (gantt) sections.push(`### Timeline\n\n\`\`\`mermaid\n${gantt}\n\`\`\``);
  sections.push(...phaseTables([...r.steps, ...r.syncFailSteps], opts.github ?? null));
  if (input.validationErrors.length) {
    sections.push(
      listSection(
        'Invalid manifests',
        input.validationErrors.map((e) => `${where(e.source, opts.github ?? null)} ${escapeHtml(e.message)}`),
      ),
    );
  }
  if (r.failures.length) sections.push(failuresSection('Failures', r.failures, opts.github ?? null));
  if (r.syncFailFailures.length) sections.push(failuresSection('SyncFail hook failures', r.syncFailFailures, opts.github ?? null));
  sections.push(...objectListSections(input, opts.github ?? null));
  return assemble(head.join('\n'), sections, opts.maxBytes);
}

export function buildPlanSummary(plan: Plan, opts: SummaryOptions & { mode?: string } = {}): string {
  const tasks = plan.steps.flatMap((s) => s.tasks);
  const rev = plan.revision ? ` at ${inlineCode(plan.revision.slice(0, 12))}` : '';
  const head = [
    `## 📋 Planned: wavesync ${opts.mode ?? 'plan'} of ${inlineCode(plan.app)}${rev}: ${plan.steps.length} steps, ${tasks.length} tasks`,
    '',
    'Nothing was applied.',
  ];
  if (opts.noCheckRun) head.push('', opts.noCheckRun);
  head.push(
    '',
    factsTable([
      ['App', inlineCode(plan.app)],
      ['Revision', plan.revision ? inlineCode(plan.revision) : '–'],
      ['Namespace', inlineCode(plan.namespace)],
      ['Cluster', opts.serverHost ? inlineCode(opts.serverHost) : '–'],
      ...checkRunRow(opts.checkRunUrl),
    ]),
  );
  const rows = [...plan.steps, ...plan.syncFail].flatMap((s) =>
    s.tasks.map(
      (t) => `| ${s.phase} | ${s.wave} | ${mdCell(t.kind)} | ${mdCell(qualifiedName(t))} | ${t.hook ? 'hook' : ''} | ${where(t.source, opts.github ?? null)} |`,
    ),
  );
  const sections = [table('Steps', ['Phase', 'Wave', 'Kind', 'Object', 'Hook', 'Source'], ['---', '---:', '---', '---', '---', '---'], rows)];
  sections.push(...objectListSections({ result: null, plan, warnings: [], validationErrors: [] }, opts.github ?? null));
  return assemble(head.join('\n'), sections, opts.maxBytes);
}

function checkRunRow(url: string | null | undefined): [string, string][] {
  return url ? [['Check run', `[details](${url})`]] : [];
}

function factsTable(rows: [string, string][]): string {
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| **${k}** | ${v} |`)].join('\n');
}

function phaseTables(steps: StepResult[], gh: GitHubContext | null): string[] {
  const phases = [...new Set(steps.map((s) => s.phase))];
  return phases.map((phase) => {
    const rows = steps
      .filter((s) => s.phase === phase)
      .flatMap((s) =>
        s.tasks.map((t) => {
          const result = t.state === 'Pending' ? '⏹️ Not run' : `${stateIcon(t.state)} ${t.state}${t.action ? ` (${t.action})` : ''}`;
          const health = t.health ? `${healthIcon(t.health)} ${t.health}${t.message ? `: ${t.message}` : ''}` : t.message;
          return `| ${s.wave} | ${mdCell(t.kind)} | ${mdCell(qualifiedName(t))} | ${mdCell(result)} | ${mdCell(health)} | ${formatDuration(durationOf(t.startedAt, t.finishedAt))} | ${where(t.source, gh)} |`;
        }),
      );
    return table(phase, ['Wave', 'Kind', 'Object', 'Result', 'Health', 'Duration', 'Source'], ['---:', '---', '---', '---', '---', '---:', '---'], rows);
  });
}

function table(title: string, headers: string[], align: string[], rows: string[]): string {
  const shown = rows.slice(0, MAX_ROWS_PER_TABLE);
  const more = rows.length - shown.length;
  const lines = [`### ${title}`, '', `| ${headers.join(' | ')} |`, `| ${align.join(' | ')} |`, ...shown];
  if (more > 0) lines.push('', `_… and ${more} more rows, left out to keep the summary small._`);
  return lines.join('\n');
}

function failuresSection(title: string, failures: TaskFailure[], gh: GitHubContext | null): string {
  const items = failures.map((f) => {
    const lines = [`#### ❌ ${escapeHtml(objectLabel(f))} (${f.phase} wave ${f.wave})`, '', `${where(f.source, gh)} **${f.reason}:** ${escapeHtml(f.message)}`];
    if (f.logTail.length) {
      lines.push(
        '',
        `<details><summary>Last ${f.logTail.length} log lines of ${escapeHtml(f.name ?? f.kind)}</summary>`,
        '',
        codeBlock(f.logTail),
        '',
        '</details>',
      );
    }
    return lines.join('\n');
  });
  return [`### ${title}`, '', items.join('\n\n')].join('\n');
}

function objectListSections(input: Omit<ReportInput, 'result'> & { result: ReportInput['result'] | null }, gh: GitHubContext | null): string[] {
  const out: string[] = [];
  const pruned = input.result ? prunedOf(input.result) : [];
  const label = { pruned: 'Pruned', 'would-prune': 'Would be pruned (prune is off)', kept: 'Kept (Prune=false)' } as const;
  for (const state of ['pruned', 'would-prune', 'kept'] as const) {
    const list = pruned.filter((p) => p.state === state);
    if (list.length)
      out.push(
        listSection(
          label[state],
          list.map((p) => `${escapeHtml(objectLabel(p))}${p.reason ? `: ${escapeHtml(p.reason)}` : ''}`),
        ),
      );
  }
  const skipped = input.plan?.skipped ?? [];
  if (skipped.length)
    out.push(
      listSection(
        'Skipped',
        skipped.map((s) => `${where(s.source, gh)} ${escapeHtml(objectLabel(s))}: ${escapeHtml(s.reason)}`),
      ),
    );
  const images = input.plan?.images ?? [];
  if (images.length)
    out.push(
      listSection(
        'Images replaced',
        images.map(
          (i) => `${where(i.source, gh)} ${escapeHtml(`${i.kind} ${i.name}`)} (${escapeHtml(i.container)}): ${inlineCode(i.from)} → ${inlineCode(i.to)}`,
        ),
      ),
    );
  const seen = new Set<string>();
  const warnings = [...(input.plan?.warnings ?? []), ...input.warnings].filter((w) => {
    const key = `${w.source?.file}:${w.source?.line}:${w.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (warnings.length)
    out.push(
      listSection(
        'Warnings',
        warnings.map((w) => `${where(w.source, gh)} ${escapeHtml(w.message)}`),
      ),
    );
  return out;
}

function listSection(title: string, items: string[]): string {
  return [`### ${title}`, '', ...items.map((i) => `- ${i.trim()}`)].join('\n');
}

/** `file:line` as a link to the manifest line when the repository is known. */
/** The release this sync recorded and a link to the one before it (its commit, when the revision is one). */
function releaseRows(r: SyncResult, gh: GitHubContext | null): [string, string][] {
  if (!r.release) return [];
  const rows: [string, string][] = [['Release', inlineCode(`v${r.release.number}`)]];
  const p = r.release.previous;
  if (!p) return rows;
  const rev = p.revision ? inlineCode(p.revision.slice(0, 12)) : '–';
  const link = p.revision && gh?.owner && /^[0-9a-f]{7,40}$/.test(p.revision) ? `[${rev}](${gh.serverUrl}/${gh.owner}/${gh.repo}/commit/${p.revision})` : rev;
  rows.push(['Previous release', `${inlineCode(`v${p.number}`)} ${link}: ${p.result}, ${p.startedAt}`]);
  return rows;
}

function where(source: Source | null, gh: GitHubContext | null): string {
  if (!source) return '';
  if (isLiveSource(source)) return '(in the cluster)';
  const text = `${source.file}:${source.line}`;
  const url = blobUrl(gh, source.file, source.line);
  return url ? `[${escapeHtml(text)}](${url})` : inlineCode(text);
}

/** Joins sections until the byte budget runs out, then says what was left out. */
function assemble(head: string, sections: string[], maxBytes = SUMMARY_LIMIT_BYTES): string {
  const note = (n: number) =>
    `\n\n> [!WARNING]\n> The summary was truncated: ${n} more section${n === 1 ? '' : 's'} did not fit in GitHub's 1 MiB limit. The check run and the step's log have the rest.\n`;
  const budget = maxBytes - Buffer.byteLength(note(sections.length)) - 1;
  let out = head;
  for (let i = 0; i < sections.length; i++) {
    const next = `${out}\n\n${sections[i]}`;
    if (Buffer.byteLength(next) > budget) return out + note(sections.length - i);
    out = next;
  }
  if (Buffer.byteLength(out) > budget) return out.slice(0, Math.floor(budget / 4)) + note(0);
  return `${out}\n`;
}

/** Appends Markdown to the step summary file (GITHUB_STEP_SUMMARY); a no-op without one. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  core.appendSummary(markdown);
}
