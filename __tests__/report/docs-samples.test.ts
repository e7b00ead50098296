// Golden files of what the reporters produce for the fixture app (deterministic times and names):
// this test rebuilds them and fails when they drift. WAVESYNC_WRITE_DOCS=1 rewrites them. The
// samples under docs/ come from a real run instead (e2e/action, same variable).
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startReporting } from '../../src/report/index.js';
import { EventBus } from '../../src/sync/events.js';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { migrationFails, playSync, shopPlan, type FateOf } from './fixtures.js';
import { captureStdout, stepEnv } from './helpers.js';

const DOCS = new URL('./golden/', import.meta.url);
const write = process.env.WAVESYNC_WRITE_DOCS === '1';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function run(fate?: FateOf) {
  const fake = await new FakeGitHub().start();
  const step = stepEnv(fake.url);
  const stdout = captureStdout();
  cleanup = async () => {
    stdout.restore();
    step.restore();
    await fake.stop();
  };
  const bus = new EventBus();
  const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', throttleMs: 60_000, env: step.env, log: false });
  await playSync(bus, shopPlan(), fate);
  await reporting.finish();
  expect(fake.validationErrors).toEqual([]);
  const requests = fake.requests.map((r) => ({
    method: r.method,
    path: r.path.replace(/\/check-runs\/\d+/, '/check-runs/{check_run_id}'),
    body: JSON.parse(JSON.stringify(r.body ?? null).replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<time>"')),
  }));
  return { summary: step.summary(), requests: `${JSON.stringify(requests, null, 2)}\n`, outputs: step.outputs() };
}

function matchesFile(name: string, content: string): void {
  const file = new URL(name, DOCS);
  if (write) writeFileSync(file, content);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, 'utf8')).toBe(content);
}

describe('golden reporter output', () => {
  it('sample job summary and check-run requests of a failed sync', async () => {
    const { summary, requests } = await run(migrationFails);
    matchesFile('sample-job-summary-failed.md', summary);
    matchesFile('sample-check-run-failed.json', requests);
  });

  it('sample job summary of a successful sync', async () => {
    const { summary, outputs } = await run();
    matchesFile('sample-job-summary-succeeded.md', summary);
    matchesFile('sample-outputs-succeeded.json', `${JSON.stringify(outputs, null, 2)}\n`);
  });
});
