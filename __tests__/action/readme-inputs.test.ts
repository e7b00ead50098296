// README's input and output tables are generated from action.yml and must not drift.
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const gen = (...args: string[]) => spawnSync(process.execPath, ['scripts/gen-inputs-doc.mjs', ...args], { encoding: 'utf8' });

test('README.md documents every input and output of action.yml', () => {
  const r = gen('--check');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const readme = readFileSync('README.md', 'utf8');
  for (const name of ['manifests', 'fail-fast-after', 'create-namespace', 'check-run-url', 'duration-seconds']) expect(readme).toContain(`| \`${name}\` |`);
});

test('the check fails on a stale README, and regenerating fixes it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wavesync-readme-'));
  const readme = path.join(dir, 'README.md');
  copyFileSync('README.md', readme);
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/\| `timeout` \|[^\n]*\n/, ''));
  const stale = gen('--check', '--readme', readme);
  expect(stale.status).toBe(1);
  expect(stale.stderr).toContain('run `npm run docs`');
  expect(gen('--readme', readme).status).toBe(0);
  expect(gen('--check', '--readme', readme).status).toBe(0);
});
