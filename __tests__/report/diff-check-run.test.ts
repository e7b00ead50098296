// Mode diff's check run shows the diff: counts in the title and summary, the new and changed
// objects at their file:line, what a sync with prune would delete (and keep), the unified diffs in
// the details; never the plan's steps table. Long lists stay under GitHub's limit.
import { describe, expect, it } from '@jest/globals';
import type { DiffResult, ObjectDiff, PruneCandidate } from '../../src/diff/types.js';
import { diffCheckOutput } from '../../src/report/diff-check-run.js';

const obj = (name: string, change: ObjectDiff['change'], line: number, diff = '', note: string | null = null): ObjectDiff => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'shop',
  name,
  change,
  diff,
  source: { file: 'k8s/app.yaml', line },
  note,
});
const prune = (name: string, wave: number, keep: PruneCandidate['keep']): PruneCandidate => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  namespace: 'shop',
  name,
  wave,
  keep,
  message: keep ? `kept: ${keep}` : 'would prune: no longer in the manifests',
});

function result(objects: ObjectDiff[], prunes: PruneCandidate[] = []): DiffResult {
  const counts = { new: 0, changed: 0, unchanged: 0, prune: prunes.filter((p) => !p.keep).length };
  for (const o of objects) counts[o.change]++;
  return {
    app: 'shop',
    revision: 'a'.repeat(40),
    server: 'k8s.example',
    objects,
    hooks: [],
    prunes,
    counts,
    changes: counts.new + counts.changed + counts.prune > 0,
  };
}

const EDIT = '--- live ConfigMap shop/edited\n+++ k8s/app.yaml ConfigMap shop/edited\n@@ -1,2 +1,2 @@\n data:\n-  value: one\n+  value: two\n';

describe('diffCheckOutput', () => {
  it('title and summary: counts, new and changed objects at file:line, prunes with their verdicts; details hold the diff', () => {
    const out = diffCheckOutput(
      result(
        [obj('same', 'unchanged', 1), obj('edited', 'changed', 7, EDIT), obj('added', 'new', 14, '+data')],
        [prune('old', 0, null), prune('pinned', 0, 'Prune=false')],
      ),
    );
    expect(out.title).toBe('Diff: 1 new, 1 changed, 1 unchanged, 1 would prune (1 kept) (nothing applied)');
    expect(out.summary.split('\n')).toEqual([
      '| New | Changed | Unchanged | Would prune | Kept |',
      '| ---: | ---: | ---: | ---: | ---: |',
      '| 1 | 1 | 1 | 1 | 1 |',
      '',
      'A sync would change the cluster:',
      '',
      '| Change | Kind | Object | Source |',
      '| --- | --- | --- | --- |',
      '| ~ changed | ConfigMap | shop/edited | `k8s/app.yaml:7` |',
      '| + new | ConfigMap | shop/added | `k8s/app.yaml:14` |',
      '',
      'No longer in the manifests (from the inventory; what a sync with `prune: true` does):',
      '',
      '| Verdict | Kind | Object | Wave |',
      '| --- | --- | --- | ---: |',
      '| would prune | ConfigMap | shop/old | 0 |',
      '| kept (Prune=false) | ConfigMap | shop/pinned | 0 |',
    ]);
    expect(out.summary).not.toContain('same');
    expect(out.summary).not.toMatch(/Phase|Wave \|.*Tasks/);
    expect(out.text).toContain('-  value: one\n+  value: two');
  });

  it('nothing to change: says so, no object tables', () => {
    const out = diffCheckOutput(result([obj('same', 'unchanged', 1)]));
    expect(out.title).toBe('Diff: 0 new, 0 changed, 1 unchanged, 0 would prune (nothing applied)');
    expect(out.summary).toContain('A sync would change nothing.');
    expect(out.summary).not.toContain('| Change |');
    expect(out.summary).not.toContain('No longer in the manifests');
  });

  it("a note (namespace not there yet) is shown once; a huge diff stays under GitHub's 65535 limit", () => {
    const note = 'namespace shop does not exist yet (the sync creates it): not dry-run, shown as in the manifests';
    const many = Array.from({ length: 1500 }, (_, i) => obj(`cm-${i}-${'x'.repeat(40)}`, 'new', i + 1, `+${'y'.repeat(200)}\n`, note));
    const out = diffCheckOutput(result(many));
    expect(out.summary.split(note)).toHaveLength(2);
    expect(out.summary).toContain('_1300 more new or changed objects: see the details below._');
    expect(out.summary.length).toBeLessThanOrEqual(60_000);
    expect(out.text.length).toBeLessThanOrEqual(60_000);
    expect(out.text).toMatch(/more diffs left out/);
    expect(out.text).toMatch(/_\d+ more objects left out to keep this under GitHub's size limit/);
  });
});
