// Annotations (pure): where they go, what they say, which come first.
import { describe, expect, it } from '@jest/globals';
import { buildAnnotations, inBatches, phaseNotices } from '../../src/report/annotations.js';
import type { ReportInput } from '../../src/report/types.js';
import { EventBus } from '../../src/sync/events.js';
import { MIGRATION_LOGS, migrationFails, playSync, shopPlan } from './fixtures.js';

async function input(fate = migrationFails): Promise<ReportInput> {
  const plan = shopPlan();
  return { result: await playSync(new EventBus(), plan, fate), plan, warnings: [], validationErrors: [] };
}

describe('buildAnnotations', () => {
  it('orders failures, then warnings, then notices', async () => {
    const levels = buildAnnotations(await input()).map((a) => a.level);
    expect(levels).toEqual([...levels].sort((a, b) => ['failure', 'warning', 'notice'].indexOf(a) - ['failure', 'warning', 'notice'].indexOf(b)));
    expect(levels[0]).toBe('failure');
    expect(levels).toContain('notice');
  });

  it('puts a failed hook on its line with the reason and the last log lines; a long tail goes to raw details', async () => {
    const logs = Array.from({ length: 30 }, (_, i) => `step ${i}`);
    const list = buildAnnotations(await input((t) => (t.name === 'db-migrate' ? { state: 'Failed', message: 'BackoffLimitExceeded', logs } : undefined)));
    const f = list.find((a) => a.level === 'failure');
    expect(f).toMatchObject({ path: 'deploy/hooks/migrate.yaml', line: 1, title: 'PreSync wave 0: Job shop/db-migrate failed (HookFailed)' });
    expect(f?.message).toBe(`BackoffLimitExceeded\n\nLast log lines:\n${logs.slice(-10).join('\n')}`);
    expect(f?.rawDetails).toBe(logs.join('\n'));
    const short = buildAnnotations(await input()).find((a) => a.level === 'failure');
    expect(short?.message).toContain(MIGRATION_LOGS.join('\n'));
    expect(short?.rawDetails).toBeUndefined();
  });

  it('warns about Suspended resources, would-prune objects, skipped objects and event warnings', async () => {
    const base = await input((t) => (t.kind === 'Deployment' ? { state: 'Succeeded', health: 'Suspended', message: 'Deployment is paused' } : undefined));
    const withExtras: ReportInput = {
      ...base,
      result: { ...base.result, pruned: [{ kind: 'Service', namespace: 'shop', name: 'old', state: 'would-prune' }] } as ReportInput['result'],
      warnings: [{ source: { file: 'deploy/base/web.yaml', line: 34 }, message: 'ServerSideApply=false is ignored' }],
    };
    const warnings = buildAnnotations(withExtras).filter((a) => a.level === 'warning');
    expect(warnings.map((w) => [w.title, w.path, w.line])).toEqual([
      ['Suspended resource', 'deploy/base/web.yaml', 1],
      ['Would be pruned', null, 1],
      ['Skipped', 'deploy/base/legacy.yaml', 1],
      ['Warning', 'charts/shop/templates/test-connection.yaml', 1],
      ['Warning', 'deploy/base/web.yaml', 34],
    ]);
    expect(warnings[0].message).toBe('Deployment shop/web is Suspended: Deployment is paused. It passed the health gate; it is not running.');
  });

  it('turns validation errors into failures at their lines', async () => {
    const base = await input(() => undefined);
    const list = buildAnnotations({
      ...base,
      validationErrors: [{ source: { file: 'deploy/base/web.yaml', line: 12 }, message: 'sync-wave "one" is not an integer' }],
    });
    expect(list.filter((a) => a.level === 'failure')).toEqual([expect.objectContaining({ path: 'deploy/base/web.yaml', line: 12, title: 'Invalid manifest' })]);
  });
});

describe('phaseNotices', () => {
  it('says what each phase did and how long it took, on its first task', async () => {
    const { result } = await input(() => undefined);
    const notices = phaseNotices(result.steps);
    expect(notices.map((n) => n.message)).toEqual([
      'PreSync: 1 hook succeeded in 14 s',
      'Sync: 5 resources healthy in 11 s (waves -1, 0, 1)',
      'PostSync: 1 hook succeeded in 14 s',
    ]);
  });

  it('skips phases that never started', async () => {
    const { result } = await input();
    expect(phaseNotices(result.steps).map((n) => n.title)).toEqual(['PreSync failed']);
  });
});

describe('inBatches', () => {
  it('splits into groups of at most 50, keeping order', () => {
    const groups = inBatches(Array.from({ length: 120 }, (_, i) => i));
    expect(groups.map((g) => g.length)).toEqual([50, 50, 20]);
    expect(groups.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });
});
