// The one result shape: real results (the engine on the in-memory cluster, the action's reporters)
// conform to docs/result.schema.json, and the schema is strict enough to catch a drift.
import { describe, expect, it } from '@jest/globals';
import { startReporting } from '../../src/report/index.js';
import { computePlanOutputs, refusedOutputs } from '../../src/report/outputs.js';
import { syncResultToJson } from '../../src/report/result-json.js';
import { recordSync } from './recorded.js';
import { EventBus } from '../../src/sync/events.js';
import { failureSchemaErrors, resultSchemaErrors } from '../../test/result-schema.js';
import { configMap, deployment, job, planOf } from '../sync/fake-controllers.js';
import { captureStdout, stepEnv } from './helpers.js';

const PRE = { 'argocd.argoproj.io/hook': 'PreSync' };
const FAIL_HOOK = { 'argocd.argoproj.io/hook': 'SyncFail' };

// A real engine run on the in-memory cluster (its recorded events are not needed here).
const engineResult = recordSync;

describe('docs/result.schema.json', () => {
  it('accepts a real success, a failed hook with its log tail and SyncFail, and the outputs built from them', async () => {
    const ok = await engineResult([configMap('settings', 0), deployment('web', 1), job('smoke', { 'argocd.argoproj.io/hook': 'PostSync' })].join('---\n'));
    expect(ok.result.result).toBe('Succeeded');
    expect(resultSchemaErrors(syncResultToJson(ok.result))).toEqual([]);

    const failed = await engineResult([job('migrate', PRE, { outcome: 'fail' }), configMap('settings', 0), job('notify', FAIL_HOOK)].join('---\n'));
    const json = syncResultToJson(failed.result);
    expect(json).toMatchObject({
      result: 'Failed',
      reason: 'HookFailed',
      failures: [{ name: 'migrate', logTail: expect.arrayContaining(['migrate starting']) }],
    });
    expect(json.steps.map((s) => s.phase)).toEqual(['PreSync', 'Sync', 'SyncFail']);
    expect(resultSchemaErrors(json)).toEqual([]);
  });

  it('accepts the action outputs of a plan, a refusal, and a run whose manifests the reporters saw refused', async () => {
    const plan = planOf([job('migrate', PRE), configMap('settings', 0)].join('---\n'));
    expect(resultSchemaErrors(JSON.parse(computePlanOutputs(plan).summary))).toEqual([]);
    const refused = refusedOutputs({ app: 'shop', revision: null, problems: [{ source: { file: 'k8s/a.yaml', line: 3 }, message: 'bad' }], durationMs: 5 });
    expect(resultSchemaErrors(JSON.parse(refused.summary))).toEqual([]);
    for (const f of JSON.parse(refused['failed-resources'])) expect(failureSchemaErrors(f)).toEqual([]);

    const step = stepEnv('http://127.0.0.1:9');
    const stdout = captureStdout();
    try {
      const bus = new EventBus();
      const reporting = startReporting(bus, { token: '', app: 'shop', mode: 'sync', env: step.env, log: false });
      bus.emit({ type: 'validation-failed', at: Date.now(), errors: [{ source: { file: 'k8s/a.yaml', line: 2 }, message: 'unknown kind' }] });
      const { outputs } = await reporting.finish(null, plan);
      const summary = JSON.parse(outputs.summary);
      expect(summary).toMatchObject({ app: 'shop', result: 'Failed', reason: 'Validation' });
      expect(resultSchemaErrors(summary)).toEqual([]);
      const failed = JSON.parse(outputs['failed-resources']);
      expect(failed).toEqual([expect.objectContaining({ reason: 'Validation', file: 'k8s/a.yaml', line: 2 })]);
      for (const f of failed) expect(failureSchemaErrors(f)).toEqual([]);
    } finally {
      stdout.restore();
      step.restore();
    }
  });

  it('refuses the shapes that used to drift (status for state, seconds for milliseconds, source for file/line)', async () => {
    const { result } = await engineResult(configMap('settings', 0));
    const json = syncResultToJson(result);
    expect(resultSchemaErrors({ ...json, durationSeconds: 1 })).not.toEqual([]);
    const task = json.steps[0].tasks[0];
    const { state, ...noState } = task;
    expect(resultSchemaErrors({ ...json, steps: [{ ...json.steps[0], tasks: [{ ...noState, status: state }] }] })).not.toEqual([]);
    const { file, line, ...noPlace } = task;
    expect(resultSchemaErrors({ ...json, steps: [{ ...json.steps[0], tasks: [{ ...noPlace, source: { file, line } }] }] })).not.toEqual([]);
    const { app: _app, ...noApp } = json;
    expect(resultSchemaErrors(noApp)).not.toEqual([]);
  });

  it('carries the release a sync recorded, and the one before it', async () => {
    const { result } = await engineResult(configMap('settings', 0));
    result.release = { number: 4, previous: { number: 3, revision: 'abc1234', result: 'Failed', startedAt: '2026-12-07T10:00:00Z' } };
    const json = syncResultToJson(result);
    expect(json.release).toEqual({ number: 4, previous: { number: 3, revision: 'abc1234', result: 'Failed', startedAt: '2026-12-07T10:00:00Z' } });
    expect(resultSchemaErrors(json)).toEqual([]);
    result.release = { number: 1, previous: null };
    expect(resultSchemaErrors(syncResultToJson(result))).toEqual([]);
    expect(resultSchemaErrors({ ...json, release: { number: 0, previous: null } })).not.toEqual([]);
    delete result.release;
    expect(syncResultToJson(result)).not.toHaveProperty('release');
  });
});
