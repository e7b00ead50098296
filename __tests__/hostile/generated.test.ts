// The big hostile inputs (made at test time by generate.ts) through the CLI's plan command
// in-process: bad ones end with exit code 2 and their errors, good ones plan; each in bounded time.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { assertNoLeak } from './no-leak.js';
import { generateCases, tempRepo, type GeneratedCase } from './generate.js';

const repo = tempRepo();
const outside = tempRepo('wavesync-outside-');
let cases: GeneratedCase[] = [];
beforeAll(() => {
  cases = generateCases(repo.root, outside.root);
}, 120_000);
afterAll(() => {
  repo.cleanup();
  outside.cleanup();
});

async function plan(manifests: string[]) {
  let stdout = '';
  let stderr = '';
  const args = ['plan', ...manifests.flatMap((m) => ['--manifests', m]), '--namespace', 'app', '--output', 'json'];
  const started = Date.now();
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: repo.root, env: {} });
  return { code, stdout, stderr, ms: Date.now() - started };
}

// The names are fixed so each case is its own test; generate.ts must produce exactly these.
const NAMES = [
  '4 MB in 200 files, one bad wave at the very end',
  'a 1 MiB string aliased 900 times',
  'billion laughs',
  '10,000 levels of flow sequences',
  '10,000 levels of compact block sequences',
  '1,000 levels of indented maps',
  '64 KiB of random bytes',
  'a file of NUL bytes',
  'an executable named .json',
  'a 65 MiB file',
  'symlinks leading outside the repository',
  'a `..` path leading outside the repository',
  'a dangling symlink',
  'a symlink loop inside the repository',
  'file name $(touch PWNED).yaml',
  'file name a;touch PWNED.yaml',
  'file name `touch PWNED`.yaml',
  "file name it's & | > x.yaml",
];

test('the generator made every case, and nothing big is in the repository', () => {
  expect(cases.map((c) => c.name)).toEqual(NAMES);
  expect(fs.existsSync(path.join(repo.root, 'shell', 'PWNED'))).toBe(false);
});

describe('generated hostile inputs', () => {
  test.each(NAMES)(
    '%s',
    async (name) => {
      const c = cases.find((x) => x.name === name)!;
      const r = await plan(c.manifests);
      assertNoLeak(r.stderr);
      expect(r.ms).toBeLessThan(30_000);
      if (c.expect === 'ok') {
        expect([r.code, r.stderr]).toEqual([0, '']);
        return;
      }
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      for (const e of c.expect) expect([e, lines.some((l) => l.startsWith(e.at) && l.includes(e.text))]).toEqual([e, true]);
      // Every line names a file (and a line, for content) before its message.
      for (const l of lines) expect(l).toMatch(/^[^\n]+?(:\d+)?: \S/);
      expect(fs.readdirSync(repo.root).filter((f) => f.includes('PWNED'))).toEqual([]);
      expect(fs.existsSync(path.join(process.cwd(), 'PWNED'))).toBe(false);
    },
    120_000,
  );
});
