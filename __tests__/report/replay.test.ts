// The reporters fed with events recorded from the real engine: they show what the engine decided,
// and what they publish agrees with the engine's own result.
import { afterEach, describe, expect, it } from '@jest/globals';
import { SyncView } from '../../src/cli/sync-view.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { startReporting } from '../../src/report/index.js';
import { syncResultToJson } from '../../src/report/result-json.js';
import { EventBus } from '../../src/sync/events.js';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import { captureStdout, stepEnv } from './helpers.js';
import { appManifests, recordSync, replay, type Recording } from './recorded.js';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function report(recording: Recording) {
  const fake = await new FakeGitHub().start();
  const step = stepEnv(fake.url);
  const stdout = captureStdout();
  cleanup = async () => {
    stdout.restore();
    step.restore();
    await fake.stop();
  };
  const bus = new EventBus();
  const reporting = startReporting(bus, { token: 't', app: recording.result.app, mode: 'sync', throttleMs: 60_000, env: step.env });
  const cli: string[] = [];
  bus.on(new SyncView((t) => cli.push(t), false).listener);
  replay(bus, recording);
  const finished = await reporting.finish();
  expect(fake.validationErrors).toEqual([]);
  return { finished, log: stdout.text(), cli: cli.join(''), summary: step.summary(), checkRuns: [...fake.checkRuns.values()] };
}

describe('reporters replaying a recorded sync', () => {
  it('a success: outputs are the engine result in the one JSON shape; log and CLI name every task', async () => {
    const rec = await recordSync(appManifests());
    expect(rec.result.result).toBe('Succeeded');
    const { finished, log, cli, summary, checkRuns } = await report(rec);
    const published = JSON.parse(finished.outputs.summary);
    expect(published).toEqual(syncResultToJson(rec.result, published.server));
    expect(resultSchemaErrors(published)).toEqual([]);
    expect(finished.outputs).toMatchObject({ result: 'Succeeded', 'failed-phase': '', 'failed-resources': '[]' });
    for (const label of ['Job app/migrate', 'ConfigMap app/settings', 'Deployment app/web', 'Job app/smoke']) {
      expect(log).toContain(label);
      expect(cli).toContain(label);
    }
    expect(summary.split('\n')[0]).toMatch(/^## ✅ Succeeded: wavesync sync of `demo`/);
    expect(checkRuns).toHaveLength(1);
    expect(checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('a failing PreSync hook: the failure, its log tail and SyncFail are reported as the engine recorded them', async () => {
    const rec = await recordSync(appManifests({ migration: 'fail' }));
    expect(rec.result).toMatchObject({ result: 'Failed', failedPhase: 'PreSync' });
    const { finished, log, summary, checkRuns } = await report(rec);
    expect(JSON.parse(finished.outputs.summary)).toMatchObject({
      result: 'Failed',
      reason: 'HookFailed',
      failures: [{ name: 'migrate', logTail: ['migrate starting', 'migrate done'] }],
    });
    expect(JSON.parse(finished.outputs['failed-resources'])).toEqual([
      expect.objectContaining({ phase: 'PreSync', kind: 'Job', name: 'migrate', reason: 'HookFailed', file: 'k8s/app.yaml' }),
    ]);
    const fromResult = buildAnnotations({ result: rec.result, plan: null, warnings: [], validationErrors: [] });
    expect(finished.annotations.filter((a) => a.level === 'failure')).toEqual(fromResult.filter((a) => a.level === 'failure'));
    expect(finished.annotations[0]).toMatchObject({ level: 'failure', path: 'k8s/app.yaml', line: rec.result.failures[0].source.line });
    expect(log).toContain('::group::PreSync wave 0 · logs of migrate');
    expect(summary).toMatch(/### Failures\n\n#### ❌ Job app\/migrate \(PreSync wave 0\)/);
    expect(summary).toContain('### SyncFail');
    expect(checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  });
});

describe('the CLI board on a terminal, replaying a recorded sync', () => {
  it('draws each step with its tasks read from the fold, and ends with the result line', async () => {
    const rec = await recordSync(appManifests());
    const out: string[] = [];
    const bus = new EventBus();
    bus.on(new SyncView((t) => out.push(t), true).listener);
    replay(bus, rec);
    const text = out.join('').replace(/\x1b\[\d*[AJ]/g, '');
    expect(text).toMatch(/^Sync wave 1: Succeeded$/m);
    expect(text).toMatch(/^ {2}Deployment app\/web +Succeeded +[\d.]+s/m);
    expect(text).toMatch(/^ {2}Job app\/migrate +Succeeded +[\d.]+s/m);
    expect(text).toMatch(/Succeeded in [\d.]+s: synced/);
  });
});
