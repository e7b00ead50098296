// The plain Actions log: a group per step, hook logs in a group per hook, groups never nested.
import { afterEach, describe, expect, it } from '@jest/globals';
import { LogReporter } from '../../src/report/log.js';
import { EventBus } from '../../src/sync/events.js';
import { MIGRATION_LOGS, SECRET_B64, migrationFails, playSync, shopPlan } from './fixtures.js';
import { captureStdout } from './helpers.js';

let stdout: ReturnType<typeof captureStdout>;
afterEach(() => stdout.restore());

async function logOf(fate = migrationFails): Promise<string[]> {
  stdout = captureStdout();
  const bus = new EventBus();
  new LogReporter().attach(bus);
  await playSync(bus, shopPlan(), fate);
  return stdout.text().split('\n');
}

describe('LogReporter', () => {
  it('opens a group per step and never nests groups', async () => {
    const lines = await logOf(() => undefined);
    let depth = 0;
    for (const l of lines) {
      if (l.startsWith('::group::')) depth++;
      if (l.startsWith('::endgroup::')) depth--;
      expect(depth === 0 || depth === 1).toBe(true);
    }
    expect(depth).toBe(0);
    expect(lines.filter((l) => l.startsWith('::group::'))).toEqual([
      '::group::PreSync wave 0',
      '::group::Sync wave -1',
      '::group::Sync wave 0',
      '::group::Sync wave 1',
      '::group::PostSync wave 0',
    ]);
    expect(lines).toContain('  ✅ Deployment shop/web: Succeeded (3 of 3 replicas available) in 2 s');
    expect(lines.at(-2)).toMatch(/^wavesync: shop: Succeeded in \d+ s$/);
  });

  it("streams a hook's log lines in its own group, each prefixed with the hook's name", async () => {
    const lines = await logOf();
    const start = lines.indexOf('::group::PreSync wave 0 · logs of db-migrate');
    expect(start).toBeGreaterThan(0);
    expect(lines[start - 1]).toBe('::endgroup::');
    expect(lines.slice(start + 1, start + 1 + MIGRATION_LOGS.length)).toEqual(MIGRATION_LOGS.map((l) => `db-migrate | ${l}`));
    expect(lines.join('\n')).not.toContain(SECRET_B64);
  });
});
