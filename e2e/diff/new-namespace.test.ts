// Diff into a namespace that does not exist yet (SEMANTICS: a sync creates a Namespace of the
// manifests, or the app namespace under create-namespace, before the objects in it): every object
// is new, with a note that it was not dry-run, instead of a dry-run error; and the diff itself
// creates nothing. Without either, the diff fails as the sync would, at the object's line.
import { describe, expect, it } from '@jest/globals';
import { coreApi, statusCode, uniqueName } from '../setup/cluster.js';
import { writeRepo } from '../../test/source/tools.js';
import { cli } from './cli.js';

const cm = (name: string, ns?: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}data: { k: v }
`;
const nsDoc = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
type Out = { counts: Record<string, number>; objects: { kind: string; name: string; change: string; note: string | null; diff: string }[] };

async function absent(ns: string): Promise<boolean> {
  try {
    await coreApi().readNamespace({ name: ns });
    return false;
  } catch (err) {
    return statusCode(err) === 404;
  }
}

describe('diff into a namespace that does not exist yet', () => {
  it('a Namespace in the manifests: it and everything in it are new, not dry-run errors', async () => {
    const ns = uniqueName('diff-newns');
    const dir = writeRepo({ 'k8s/app.yaml': [nsDoc(ns), cm('one', ns), cm('two', ns)].join('---\n') });
    const run = await cli(dir, ['diff', '--manifests', 'k8s', '--namespace', ns, '--app', 'newns', '--output', 'json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const out = JSON.parse(run.stdout) as Out;
    expect(out.counts).toEqual({ new: 3, changed: 0, unchanged: 0, prune: 0 });
    expect(out.objects.map((o) => [o.kind, o.name, o.change, o.note !== null])).toEqual([
      ['Namespace', ns, 'new', false],
      ['ConfigMap', 'one', 'new', true],
      ['ConfigMap', 'two', 'new', true],
    ]);
    expect(out.objects[1].note).toBe(`namespace ${ns} does not exist yet (the sync creates it): not dry-run, shown as in the manifests`);
    expect(out.objects[1].diff).toContain('+  name: one');
    expect(await absent(ns)).toBe(true);
  });

  it('the app namespace with --create-namespace: new; without it the diff fails at the line, as the sync would', async () => {
    const ns = uniqueName('diff-appns');
    const dir = writeRepo({ 'k8s/app.yaml': [cm('one'), cm('two')].join('---\n') });
    const args = ['diff', '--manifests', 'k8s', '--namespace', ns, '--app', 'appns'];
    const run = await cli(dir, [...args, '--create-namespace', '--output', 'json', '--exit-code']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    const out = JSON.parse(run.stdout) as Out;
    expect(out.objects.map((o) => [o.name, o.change])).toEqual([
      ['one', 'new'],
      ['two', 'new'],
    ]);
    const text = await cli(dir, [...args, '--create-namespace']);
    expect(text.stdout).toContain(`+ ConfigMap ${ns}/one (k8s/app.yaml:1): new\n    (namespace ${ns} does not exist yet`);
    expect(await absent(ns)).toBe(true);

    // sync --dry-run --create-namespace agrees: every object would be created, and nothing is.
    const dry = await cli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'appns', '--dry-run', '--create-namespace', '--output', 'json']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2 to create, 0 to change, 0 unchanged/);
    expect(await absent(ns)).toBe(true);

    const refused = await cli(dir, args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^k8s/app\\.yaml:1: ConfigMap one: dry run failed: .*${ns}.*not found`, 'm'));
  });
});
