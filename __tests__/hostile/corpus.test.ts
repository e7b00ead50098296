// The hostile-input corpus (issue 14): every bad file in __tests__/fixtures/hostile/bad makes
// `wavesync plan` end with exit code 2 and errors at file:line (the ones each file expects), with no
// stack trace, in bounded time; every file in good/ plans cleanly.
import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { cli } from '../cli/helpers.js';
import { assertNoLeak } from './no-leak.js';

const CORPUS = '__tests__/fixtures/hostile';

interface Expectation {
  line: number; // 0: any line
  text: string;
}

/** `# expect: LINE: TEXT` lines at the top of the file, or a side file for binary ones. */
function expectations(rel: string): Expectation[] {
  const side = rel.replace(/\.[a-z]+$/, '.expect');
  const text = fs.existsSync(side) ? fs.readFileSync(side, 'latin1') : fs.readFileSync(rel, 'latin1');
  const prefix = fs.existsSync(side) ? '' : '# expect: ';
  const out: Expectation[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(prefix) || (prefix === '' && !/^\d+: /.test(line))) break;
    const m = /^(\d+): (.*)$/.exec(line.slice(prefix.length));
    if (m) out.push({ line: Number(m[1]), text: m[2] });
  }
  return out;
}

const bad = fs
  .readdirSync(`${CORPUS}/bad`)
  .filter((f) => !f.endsWith('.expect'))
  .sort()
  .map((f) => `${CORPUS}/bad/${f}`);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const good = walk(`${CORPUS}/good`).sort();

test('the corpus holds at least 100 bad inputs, each with an expectation, and the valid oddities', () => {
  expect(bad.length).toBeGreaterThanOrEqual(100);
  for (const f of bad) expect([f, expectations(f).length]).toEqual([f, expect.any(Number)]);
  expect(bad.filter((f) => expectations(f).length === 0)).toEqual([]);
  expect(good.length).toBeGreaterThanOrEqual(15);
  for (const f of [...bad, ...good]) expect([f, fs.statSync(f).size < 64 * 1024]).toEqual([f, true]);
});

describe('bad inputs: exit code 2, every error at file:line, no stack trace', () => {
  test.each(bad)('%s', async (file) => {
    const started = Date.now();
    const r = await cli(['plan', '--manifests', file, '--namespace', 'app']);
    const elapsed = Date.now() - started;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S`));
    for (const e of expectations(file)) {
      const at = e.line > 0 ? `${file}:${e.line}: ` : `${file}:`;
      expect([e, lines.some((l) => l.startsWith(at) && l.includes(e.text))]).toEqual([e, true]);
    }
    assertNoLeak(r.stderr);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('valid oddities plan cleanly', () => {
  test.each(good)('%s', async (file) => {
    const r = await cli(['plan', '--manifests', file, '--namespace', 'app', '--output', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('all of them together, as one directory', async () => {
    const r = await cli(['plan', '--manifests', `${CORPUS}/good`, '--namespace', 'app', '--output', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const names = (JSON.parse(r.stdout) as { steps: { tasks: { name: string | null }[] }[] }).steps.flatMap((s) => s.tasks.map((t) => t.name));
    expect(names).toEqual(expect.arrayContaining(['bom', 'crlf', 'bom-crlf', 'from-json', 'json-item', 'system:controller:wavesync', 'nested', 'MyWidget']));
  });
});
