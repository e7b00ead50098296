// Diff's would-prune list on the local control plane: after a sync, two objects leave the
// manifests (and one marked Prune=false): diff lists exactly what `sync --prune` then deletes, in
// the order it deletes them, and the kept one as kept, in text and JSON; the inventory is the source.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { coreApi, withNamespace } from '../setup/cluster.js';
import { writeRepo } from '../../test/source/tools.js';
import { cli } from './cli.js';

const cm = (name: string, wave = 0, options = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
${options ? `    argocd.argoproj.io/sync-options: ${options}\n` : ''}data: { k: v }
`;
const cmNames = async (ns: string) =>
  (await coreApi().listNamespacedConfigMap({ namespace: ns })).items
    .map((c) => c.metadata!.name!)
    .filter((n) => n !== 'kube-root-ca.crt')
    .sort();
type PruneOut = { kind: string; namespace: string; name: string; keep: string | null; wave: number };
type SyncTask = { name: string; state: string; action: string | null; message: string };

describe('diff: what a sync with prune would delete', () => {
  it('the would-prune list is what sync --prune then deletes; Prune=false is listed as kept', () =>
    withNamespace('diff-prune', async (ns) => {
      const args = ['--manifests', 'k8s', '--namespace', ns, '--app', 'diffprune'];
      const dir = writeRepo({ 'k8s/app.yaml': [cm('stays'), cm('gone-a', 0), cm('gone-b', 2), cm('pinned', 0, 'Prune=false')].join('---\n') });
      const first = await cli(dir, ['sync', ...args, '--output', 'json']);
      expect(first.code).toBe(0);

      fs.writeFileSync(path.join(dir, 'k8s/app.yaml'), cm('stays'));
      const t0 = Date.now();
      const diff = await cli(dir, ['diff', ...args, '--output', 'json', '--exit-code']);
      const diffMs = Date.now() - t0;
      expect({ code: diff.code, stderr: diff.stderr }).toEqual({ code: 1, stderr: '' });
      const out = JSON.parse(diff.stdout) as { changes: boolean; counts: Record<string, number>; prunes: PruneOut[] };
      expect(out.counts).toEqual({ new: 0, changed: 0, unchanged: 1, prune: 2 });
      expect(out.changes).toBe(true);
      // Mirrored waves, as the sync runs them: wave 2 goes before wave 0.
      expect(out.prunes.map((p) => [p.name, p.keep])).toEqual([
        ['gone-b', null],
        ['gone-a', null],
        ['pinned', 'Prune=false'],
      ]);
      const wouldPrune = out.prunes.filter((p) => p.keep === null).map((p) => `${p.kind}/${p.namespace}/${p.name}`);

      const text = await cli(dir, ['diff', ...args]);
      expect(text.stdout).toContain('1 unchanged, 2 would prune (1 kept)');
      expect(text.stdout).toMatch(new RegExp(`- ConfigMap ${ns}/gone-b: would prune`));
      expect(text.stdout).toMatch(new RegExp(`  ConfigMap ${ns}/pinned: kept: Prune=false`));

      const sync = await cli(dir, ['sync', ...args, '--prune', '--output', 'json']);
      expect(sync.code).toBe(0);
      const tasks = (JSON.parse(sync.stdout) as { steps: { tasks: SyncTask[] }[] }).steps.flatMap((s) => s.tasks);
      const pruned = tasks.filter((t) => t.action === 'pruned' && t.state === 'Succeeded').map((t) => `ConfigMap/${ns}/${t.name}`);
      expect(pruned).toEqual(wouldPrune);
      expect(tasks.find((t) => t.name === 'pinned')).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/Prune=false/) });
      expect(await cmNames(ns)).toEqual(['pinned', 'stays']);

      // Nothing is left to prune: the pinned one stays listed as kept, and nothing would change.
      const after = await cli(dir, ['diff', ...args, '--output', 'json', '--exit-code']);
      expect(after.code).toBe(0);
      expect((JSON.parse(after.stdout) as { prunes: PruneOut[] }).prunes.map((p) => [p.name, p.keep])).toEqual([['pinned', 'Prune=false']]);
      process.stdout.write(`diff with prunes took ${diffMs} ms\n`);
    }));
});
