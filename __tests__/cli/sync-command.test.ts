import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from './helpers.js';

describe('wavesync sync refuses before touching a cluster', () => {
  test('invalid manifests and a missing kubeconfig: exit 2, every problem on stderr, nothing on stdout', async () => {
    const sigterm = process.listenerCount('SIGTERM');
    const r = await cli(['sync', '--manifests', '__tests__/fixtures/bad-annotations', '--kubeconfig', '/nonexistent/kubeconfig', '--output', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => /^__tests__\/fixtures\/bad-annotations\/bad\.yaml:\d+: \S/.test(l))).toHaveLength(9);
    expect(lines[0]).toMatch(/^wavesync sync: .*\/nonexistent\/kubeconfig/);
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
  });

  test('a bad duration is a usage error naming what is accepted', async () => {
    const r = await cli(['sync', '--manifests', 'examples/seeds', '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout: "soon" is not a duration; use seconds ("90") or units such as "30s", "5m", "1h30m"');
  });

  test('--summary FILE: a refused run still leaves a summary that lists every problem', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-summary-')), 'summary.md');
    const r = await cli(['sync', '--manifests', '__tests__/fixtures/bad-annotations', '--kubeconfig', '/nonexistent/kubeconfig', '--summary', file]);
    expect(r.code).toBe(2);
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toMatch(/^## ❌ Failed: wavesync sync of `\S+`/);
    expect(md).toContain('Nothing was applied: 10 problems in the input.');
    expect(md.split('\n').filter((l) => l.startsWith('- `__tests__/fixtures/bad-annotations/bad.yaml:'))).toHaveLength(9);
  });
});
