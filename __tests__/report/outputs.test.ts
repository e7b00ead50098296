// The step's outputs from a result.
import { describe, expect, it } from '@jest/globals';
import { computeOutputs, computePlanOutputs } from '../../src/report/outputs.js';
import { EventBus } from '../../src/sync/events.js';
import { REVISION, migrationFails, playSync, shopPlan } from './fixtures.js';

describe('computeOutputs', () => {
  it('describes a success', async () => {
    const result = await playSync(new EventBus(), shopPlan());
    const out = computeOutputs(result, { id: 12, url: 'https://github.com/a/b/runs/12' });
    expect(out).toMatchObject({ result: 'Succeeded', 'failed-phase': '', 'failed-resources': '[]', 'check-run-id': '12', revision: REVISION });
    expect(out['duration-seconds']).toBe((result.durationMs / 1000).toFixed(1));
    const summary = JSON.parse(out.summary);
    expect(summary.steps.map((s: { phase: string; wave: number }) => `${s.phase}/${s.wave}`)).toEqual([
      'PreSync/0',
      'Sync/-1',
      'Sync/0',
      'Sync/1',
      'PostSync/0',
      'SyncFail/0',
    ]);
    expect(summary.steps[3].tasks[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      state: 'Succeeded',
      health: 'Healthy',
      file: 'deploy/base/web.yaml',
      line: 1,
    });
  });

  it('names the failed phase and resources, and leaves check-run fields empty without one', async () => {
    const out = computeOutputs(await playSync(new EventBus(), shopPlan(), migrationFails));
    expect(out.result).toBe('Failed');
    expect(out['failed-phase']).toBe('PreSync');
    expect(JSON.parse(out['failed-resources'])).toEqual([
      {
        phase: 'PreSync',
        wave: 0,
        kind: 'Job',
        namespace: 'shop',
        name: 'db-migrate',
        reason: 'HookFailed',
        message: 'Job has reached the specified backoff limit (BackoffLimitExceeded)',
        file: 'deploy/hooks/migrate.yaml',
        line: 1,
      },
    ]);
    expect(out['check-run-id']).toBe('');
    expect(out['check-run-url']).toBe('');
  });

  it('describes a plan without object data', () => {
    const out = computePlanOutputs(shopPlan());
    expect(out.result).toBe('Planned');
    expect(out.summary).not.toContain('password');
    expect(JSON.parse(out.summary).steps).toHaveLength(5);
  });
});
