// Mode diff's result as text (coloured on a terminal), JSON and Markdown (job summary, PR comment).
import type { DiffResult, ObjectDiff, PruneCandidate } from '../diff/types.js';
import { codeBlock, escapeHtml, inlineCode, mdCell } from './format.js';

const SIGN = { new: '+', changed: '~', unchanged: '=' } as const;
const label = (o: { kind: string; namespace: string | null; name: string }) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

export function diffHeadline(d: DiffResult): string {
  const kept = d.prunes.length - d.counts.prune;
  return `${d.counts.new} new, ${d.counts.changed} changed, ${d.counts.unchanged} unchanged, ${d.counts.prune} would prune${kept ? ` (${kept} kept)` : ''}`;
}

/** "(2 new, 1 changed, 1 would prune)": what makes `changes` true. */
export function changeCounts(d: DiffResult): string {
  return `${d.counts.new} new, ${d.counts.changed} changed, ${d.counts.prune} would prune`;
}

/** What a sync with prune does with a member that left the manifests. */
export function pruneVerdict(p: PruneCandidate): string {
  return p.keep ? `kept (${p.keep})` : 'would prune';
}

export function diffToJson(d: DiffResult) {
  return {
    app: d.app,
    revision: d.revision,
    server: d.server,
    changes: d.changes,
    counts: d.counts,
    objects: d.objects.map((o) => ({ ...o })),
    prunes: d.prunes.map((p) => ({ ...p })),
    hooks: d.hooks.map((h) => ({ ...h })),
  };
}

const COLOR: Record<string, string> = { '+': '\x1b[32m', '-': '\x1b[31m', '@': '\x1b[36m' };

export function diffToText(d: DiffResult, color = false): string {
  const paint = (line: string) => (color && COLOR[line[0]] && !line.startsWith('+++') && !line.startsWith('---') ? `${COLOR[line[0]]}${line}\x1b[0m` : line);
  const out = [`Diff for app ${d.app}${d.revision ? ` @ ${d.revision.slice(0, 12)}` : ''}${d.server ? ` against ${d.server}` : ''}: ${diffHeadline(d)}`, ''];
  for (const o of d.objects) {
    out.push(`${SIGN[o.change]} ${label(o)} (${o.source.file}:${o.source.line}): ${o.change}`);
    if (o.note) out.push(`    (${o.note})`);
    if (o.diff)
      out.push(
        ...o.diff
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `    ${paint(l)}`),
      );
  }
  if (d.prunes.length > 0) {
    out.push('', 'No longer in the manifests (from the inventory; what `sync --prune` does):');
    for (const p of d.prunes) out.push(`${p.keep ? ' ' : paint('-')} ${label(p)}: ${p.message}`);
  }
  if (d.hooks.length > 0) {
    out.push('', 'Hooks a sync would run:');
    for (const h of d.hooks)
      out.push(`  ${h.phase} wave ${h.wave}: ${label(h)} (${h.source.file}:${h.source.line})${h.phase === 'SyncFail' ? ' (only if the sync fails)' : ''}`);
  }
  return out.join('\n') + '\n';
}

/** The hidden marker that finds wavesync's comment for an app on a pull request. */
export function commentMarker(app: string): string {
  return `<!-- wavesync-diff:${app} -->`;
}

/** Markdown for the job summary and the PR comment, kept under maxChars (GitHub limits a comment to 65536). */
export function diffToMarkdown(d: DiffResult, opts: { maxChars?: number } = {}): string {
  const max = opts.maxChars ?? 60_000;
  const rev = d.revision ? ` at ${inlineCode(d.revision.slice(0, 12))}` : '';
  const head = [`## 🔍 wavesync diff of ${inlineCode(d.app)}${rev}: ${diffHeadline(d)}`, ''];
  head.push(d.changes ? 'A sync would change the cluster as shown below.' : 'A sync would change nothing.', '');
  // The tables get at most 60% of the room (rows left out are counted); the diffs get the rest.
  const room = { left: Math.floor(max * 0.6) };
  const everyRow = d.objects.map(objectRow);
  // When not every row fits, unchanged objects are only counted.
  const listed = everyRow.join('\n').length < room.left ? d.objects : d.objects.filter((o) => o.change !== 'unchanged');
  const unlisted = d.objects.length - listed.length;
  const notes = [...new Set(d.objects.flatMap((o) => (o.note ? [o.note] : [])))].map((n) => `> ${n.charAt(0).toUpperCase()}${n.slice(1)}.`);
  const table = listed.length
    ? [
        '| Change | Kind | Object | Source |',
        '| --- | --- | --- | --- |',
        ...fitRows(listed.map(objectRow), room, 'objects'),
        ...(unlisted ? ['', `_${unlisted} unchanged objects not listed._`] : []),
        '',
        ...(notes.length ? [...notes, ''] : []),
      ]
    : [];
  const prunes = d.prunes.length
    ? [
        '### No longer in the manifests',
        '',
        "From the app's inventory: what a sync with `prune: true` does with each.",
        '',
        '| Verdict | Kind | Object | Wave |',
        '| --- | --- | --- | ---: |',
        ...fitRows(
          d.prunes.map(
            (p) =>
              `| ${p.keep ? '⏸️' : '🗑️'} ${pruneVerdict(p)} | ${mdCell(p.kind)} | ${mdCell(`${p.namespace ? `${p.namespace}/` : ''}${p.name}`)} | ${p.wave} |`,
          ),
          room,
          'objects',
        ),
        '',
      ]
    : [];
  const hooks = d.hooks.length
    ? [
        '### Hooks a sync would run',
        '',
        '| Phase | Wave | Kind | Object |',
        '| --- | ---: | --- | --- |',
        ...fitRows(
          d.hooks.map((h) => `| ${h.phase} | ${h.wave} | ${mdCell(h.kind)} | ${mdCell(`${h.namespace ? `${h.namespace}/` : ''}${h.name}`)} |`),
          room,
          'hooks',
        ),
        '',
      ]
    : [];
  let text = [...head, ...table, ...prunes, ...hooks].join('\n');
  const details = d.objects.filter((o) => o.diff).map((o) => detailsBlock(o));
  let shown = 0;
  for (const block of details) {
    if (text.length + block.length + 200 > max) break;
    text += '\n' + block;
    shown++;
  }
  if (shown < details.length)
    text += `\n\n_${details.length - shown} more diffs left out to keep this under GitHub's size limit; run \`wavesync diff\` to see them all._`;
  return text + '\n';
}

function objectRow(o: ObjectDiff): string {
  return `| ${SIGN[o.change]} ${o.change} | ${mdCell(o.kind)} | ${mdCell(`${o.namespace ? `${o.namespace}/` : ''}${o.name}`)} | ${mdCell(`${o.source.file}:${o.source.line}`)} |`;
}

/** The rows that fit in the room left (taking it), then a line counting the rest. */
function fitRows(rows: string[], room: { left: number }, what: string): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.length + 1 > room.left) break;
    room.left -= r.length + 1;
    out.push(r);
  }
  if (out.length < rows.length)
    out.push('', `_${rows.length - out.length} more ${what} left out to keep this under GitHub's size limit; run \`wavesync diff\` to see them all._`);
  return out;
}

function detailsBlock(o: ObjectDiff): string {
  const lines = o.diff.replace(/\n$/, '').split('\n');
  return [`<details><summary>${SIGN[o.change]} ${escapeHtml(label(o))} (${o.change})</summary>`, '', codeBlock(lines, 'diff'), '', '</details>'].join('\n');
}
