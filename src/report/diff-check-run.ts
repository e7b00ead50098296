// Mode diff's check run: the title and summary say what a sync would change (counts, then the new
// and changed objects at their file:line, then what it would prune), the details hold the full
// diff. Pure; the plan's steps table is what mode plan shows, not this.
import type { DiffResult } from '../diff/types.js';
import { diffHeadline, diffToMarkdown, pruneVerdict } from './diff-format.js';
import { clip, inlineCode, mdCell } from './format.js';

export interface DiffCheckOutput {
  title: string;
  summary: string;
  text: string;
}

/** Rows listed per table before the rest is only counted (the summary's limit is 65535 characters). */
const MAX_ROWS = 200;
const SIGN = { new: '+', changed: '~', unchanged: '=' } as const;
const where = (o: { namespace: string | null; name: string }) => `${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

export function diffCheckOutput(d: DiffResult, opts: { maxChars?: number } = {}): DiffCheckOutput {
  const max = opts.maxChars ?? 60_000;
  const title = clip(`Diff: ${diffHeadline(d)} (nothing applied)`, 255);
  const kept = d.prunes.length - d.counts.prune;
  const out = [
    '| New | Changed | Unchanged | Would prune | Kept |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${d.counts.new} | ${d.counts.changed} | ${d.counts.unchanged} | ${d.counts.prune} | ${kept} |`,
    '',
    d.changes ? 'A sync would change the cluster:' : 'A sync would change nothing.',
  ];
  const touched = d.objects.filter((o) => o.change !== 'unchanged');
  if (touched.length) {
    out.push('', '| Change | Kind | Object | Source |', '| --- | --- | --- | --- |');
    for (const o of touched.slice(0, MAX_ROWS))
      out.push(`| ${SIGN[o.change]} ${o.change} | ${mdCell(o.kind)} | ${mdCell(where(o))} | ${inlineCode(`${o.source.file}:${o.source.line}`)} |`);
    if (touched.length > MAX_ROWS) out.push('', `_${touched.length - MAX_ROWS} more new or changed objects: see the details below._`);
    const notes = [...new Set(touched.flatMap((o) => (o.note ? [o.note] : [])))];
    for (const n of notes) out.push('', `> ${n}`);
  }
  if (d.prunes.length) {
    out.push(
      '',
      'No longer in the manifests (from the inventory; what a sync with `prune: true` does):',
      '',
      '| Verdict | Kind | Object | Wave |',
      '| --- | --- | --- | ---: |',
    );
    for (const p of d.prunes.slice(0, MAX_ROWS)) out.push(`| ${pruneVerdict(p)} | ${mdCell(p.kind)} | ${mdCell(where(p))} | ${p.wave} |`);
    if (d.prunes.length > MAX_ROWS) out.push('', `_${d.prunes.length - MAX_ROWS} more: run \`wavesync diff\` to see them all._`);
  }
  return { title, summary: clip(out.join('\n'), max), text: diffToMarkdown(d, { maxChars: max }) };
}
