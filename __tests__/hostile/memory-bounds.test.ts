// Memory stays a small multiple of the input: 20 MB of small manifests, and one 1 MiB string
// aliased 900 times (which once cost 2 GB as every task deep-copied its object). Measured as the
// heap the loaded plan keeps, after a full garbage collection before and after.
import { afterAll, expect, test } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { preparePlan } from '../../src/source/prepare.js';
import { configMap, MIB, smallManifests, tempRepo } from './generate.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return v8.getHeapStatistics().used_heap_size;
};

const repo = tempRepo();
afterAll(() => repo.cleanup());

function retainedByPlan(file: string): { retained: number; result: ReturnType<typeof preparePlan>; ms: number } {
  const before = heap();
  const started = Date.now();
  const result = preparePlan({ manifests: [file], root: repo.root, app: 'demo', namespace: 'app', revision: null });
  const ms = Date.now() - started;
  const retained = heap() - before;
  return { retained, result, ms };
}

test('20 MB of small manifests: the plan keeps less than 8 times the input', () => {
  const { text, docs } = smallManifests(20 * MIB, 'big');
  fs.writeFileSync(path.join(repo.root, 'big.yaml'), text);
  const size = Buffer.byteLength(text);
  const { retained, result, ms } = retainedByPlan('big.yaml');
  expect(result.errors).toEqual([]);
  expect(result.plan.steps.flatMap((s) => s.tasks)).toHaveLength(docs);
  process.stdout.write(`20 MB of manifests (${docs} objects): ${(retained / MIB).toFixed(0)} MiB kept (${(retained / size).toFixed(1)}x input), ${ms} ms\n`);
  expect(retained).toBeLessThan(8 * size);
}, 240_000);

test('a 1 MiB string aliased 900 times is refused without expanding it', () => {
  const aliases = Array.from({ length: 900 }, (_, i) => `  a${i + 1}: *big\n`).join('');
  const text = configMap('wide', `data:\n  a0: &big "${'x'.repeat(MIB)}"\n${aliases}`);
  fs.writeFileSync(path.join(repo.root, 'wide.yaml'), text);
  const { retained, result, ms } = retainedByPlan('wide.yaml');
  expect(result.errors.map((e) => `${e.source?.file}:${e.source?.line}: ${e.message}`)).toEqual([
    'wide.yaml:1: object is larger than 3 MiB once its YAML aliases are expanded; the API server accepts no bigger request',
  ]);
  expect(retained).toBeLessThan(4 * Buffer.byteLength(text));
  expect(ms).toBeLessThan(20_000);
});

test('900 aliases of a 3 KiB string (under every limit) are expanded once, not once per task', () => {
  const aliases = Array.from({ length: 900 }, (_, i) => `  a${i + 1}: *s\n`).join('');
  const text = configMap(
    'fine',
    `  annotations: {argocd.argoproj.io/hook: "PreSync,PostSync,SyncFail"}\ndata:\n  a0: &s "${'y'.repeat(3 * 1024)}"\n${aliases}`,
  );
  fs.writeFileSync(path.join(repo.root, 'fine.yaml'), text);
  const { retained, result } = retainedByPlan('fine.yaml');
  expect(result.errors).toEqual([]);
  // Three tasks (one per hook phase) share one parsed object.
  const tasks = [...result.plan.steps, ...result.plan.syncFail].flatMap((s) => s.tasks);
  expect(tasks).toHaveLength(3);
  expect(new Set(tasks.map((t) => t.object.data)).size).toBe(1);
  // Expanded, the object is 2.7 MiB (under the 3 MiB object limit); three copies would be 8 MiB.
  expect(retained).toBeLessThan(5 * MIB);
});
