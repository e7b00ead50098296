import { describe, expect, test } from '@jest/globals';
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
});
