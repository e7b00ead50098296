// Mode diff's text, JSON and Markdown show what a sync with prune would delete and what it keeps,
// and the note on objects that could not be dry-run (a namespace that does not exist yet).
import { describe, expect, it } from '@jest/globals';
import type { DiffResult } from '../../src/diff/types.js';
import { changeCounts, diffHeadline, diffToJson, diffToMarkdown, diffToText } from '../../src/report/diff-format.js';

const NOTE = 'namespace shop does not exist yet (the sync creates it): not dry-run, shown as in the manifests';
const d: DiffResult = {
  app: 'shop',
  revision: null,
  server: null,
  objects: [
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'a', change: 'new', diff: '+a\n', source: { file: 'k8s/a.yaml', line: 3 }, note: NOTE },
  ],
  hooks: [],
  prunes: [
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'old', wave: 0, keep: null, message: 'would prune: no longer in the manifests' },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'shop',
      name: 'pinned',
      wave: 0,
      keep: 'Prune=confirm',
      message: 'kept: Prune=confirm on the live object and the run did not confirm',
    },
  ],
  counts: { new: 1, changed: 0, unchanged: 0, prune: 1 },
  changes: true,
};

describe('diff formatters with prunes and notes', () => {
  it('headline and the counts behind changes', () => {
    expect(diffHeadline(d)).toBe('1 new, 0 changed, 0 unchanged, 1 would prune (1 kept)');
    expect(changeCounts(d)).toBe('1 new, 0 changed, 1 would prune');
  });

  it('text: the note under its object, then the members no longer in the manifests with the sync’s verdict', () => {
    const lines = diffToText(d).split('\n');
    expect(lines.slice(2, 4)).toEqual(['+ ConfigMap shop/a (k8s/a.yaml:3): new', `    (${NOTE})`]);
    const at = lines.indexOf('No longer in the manifests (from the inventory; what `sync --prune` does):');
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '- ConfigMap shop/old: would prune: no longer in the manifests',
      '  Secret shop/pinned: kept: Prune=confirm on the live object and the run did not confirm',
    ]);
  });

  it('JSON carries the prunes; Markdown has the table with verdicts and the note once', () => {
    expect(diffToJson(d).prunes.map((p) => [p.name, p.keep])).toEqual([
      ['old', null],
      ['pinned', 'Prune=confirm'],
    ]);
    const md = diffToMarkdown(d);
    expect(md).toContain('| 🗑️ would prune | ConfigMap | shop/old | 0 |\n| ⏸️ kept (Prune=confirm) | Secret | shop/pinned | 0 |');
    expect(md.split('Namespace shop does not exist yet')).toHaveLength(2);
  });
});
