// The lifecycle commands and flags refuse before touching a cluster: usage errors exit 2 and say
// what is accepted; a missing kubeconfig is named.
import { describe, expect, test } from '@jest/globals';
import { cli } from './helpers.js';

describe('lifecycle flags and commands', () => {
  test('sync: --retries and --history-limit take whole numbers, --lock-timeout a duration', async () => {
    expect((await cli(['sync', '--manifests', 'examples/seeds', '--retries', 'x'])).stderr).toContain('--retries: "x" is not a whole number');
    expect((await cli(['sync', '--manifests', 'examples/seeds', '--history-limit', '0'])).stderr).toContain(
      '--history-limit: "0" is not a whole number of at least 1',
    );
    const r = await cli(['sync', '--manifests', 'examples/seeds', '--lock-timeout', 'later']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lock-timeout: "later" is not a duration');
  });

  test('sync --help lists the lifecycle flags', async () => {
    const r = await cli(['sync', '--help']);
    for (const flag of [
      '--prune',
      '--confirm-prune',
      '--force-adopt',
      '--rollback-on-failure',
      '--lock-timeout',
      '--retries',
      '--retry-backoff',
      '--history-limit',
    ])
      expect(r.stdout).toContain(flag);
  });

  test.each(['delete', 'history', 'rollback'])('%s needs no --manifests; a missing kubeconfig is exit 2, named', async (command) => {
    const r = await cli([command, '--app', 'shop', '--namespace', 'shop', '--kubeconfig', '/nonexistent/kubeconfig']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`wavesync ${command}: .*/nonexistent/kubeconfig`));
  });

  test.each(['delete', 'history', 'rollback'])('%s --help: usage on stdout, exit 0; unknown flags are usage errors', async (command) => {
    const help = await cli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Usage: wavesync ${command} --app NAME`));
    const bad = await cli([command, '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown flag --bogus');
  });
});
