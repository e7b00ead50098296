// The reporters against the fake GitHub API: the whole check-run sequence, annotation batches,
// the fork fallback, plan mode and deployments.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startReporting } from '../../src/report/index.js';
import { EventBus } from '../../src/sync/events.js';
import { FakeGitHub, type FakeCheckRun } from '../../test/github/fake-server.js';
import { MIGRATION_LOGS, SECRET_B64, SECRET_PLAIN, SHA, migrationFails, playSync, shopPlan, widePlan } from './fixtures.js';
import { captureStdout, stepEnv, type StepEnv } from './helpers.js';

let fake: FakeGitHub;
let step: StepEnv;
let stdout: ReturnType<typeof captureStdout>;

async function setup(options: ConstructorParameters<typeof FakeGitHub>[0] = {}, event?: Parameters<typeof stepEnv>[1]) {
  fake = await new FakeGitHub(options).start();
  step = stepEnv(fake.url, event);
  stdout = captureStdout();
}

afterEach(async () => {
  stdout?.restore();
  step?.restore();
  await fake?.stop();
});

function onlyRun(): FakeCheckRun {
  expect(fake.checkRuns.size).toBe(1);
  return [...fake.checkRuns.values()][0];
}

describe('check run', () => {
  beforeEach(() => setup());

  it('is created in_progress, updated as steps progress, and completed with success', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't0ken', app: 'shop', mode: 'sync', throttleMs: 40, env: step.env });
    await playSync(bus, shopPlan(), undefined, 60);
    const out = await reporting.finish();

    expect(fake.validationErrors).toEqual([]);
    const creates = fake.calls('checks/create');
    expect(creates).toHaveLength(1);
    expect(creates[0].body).toMatchObject({
      name: 'wavesync / shop',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/acme/shop-deploy/actions/runs/987654321',
    });
    const run = onlyRun();
    expect(run.history[0]).toBe('in_progress');
    expect(run.history.at(-1)).toBe('completed');
    expect(run.history.slice(0, -1).every((s) => s === 'in_progress')).toBe(true);
    expect(run.conclusion).toBe('success');
    const updates = fake.calls('checks/update');
    const progress = updates.filter((u) => u.body?.status === 'in_progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(String((progress[0].body?.output as { title: string }).title)).toMatch(/^(PreSync|Sync|PostSync) wave -?\d+/);
    expect(String((progress[0].body?.output as { summary: string }).summary)).toContain('| Phase | Wave | State |');
    expect(out).toMatchObject({ checkRunId: run.id, checkRunUrl: `https://github.com/acme/shop-deploy/runs/${run.id}` });

    // One notice per phase that ran, on the line of the phase's first task.
    const notices = run.annotations.filter((a) => a.annotation_level === 'notice');
    expect(notices.map((a) => a.message)).toEqual([
      'PreSync: 1 hook succeeded in 14 s',
      expect.stringMatching(/^Sync: 5 resources healthy in \d+ s \(waves -1, 0, 1\)$/),
      'PostSync: 1 hook succeeded in 14 s',
    ]);
    expect(notices.map((a) => `${a.path}:${a.start_line}`)).toEqual([
      'deploy/hooks/migrate.yaml:1',
      'deploy/base/namespace.yaml:1',
      'deploy/hooks/smoke.yaml:1',
    ]);
    // Skipped objects and left-out Helm hooks are warnings at their lines.
    const warnings = run.annotations.filter((a) => a.annotation_level === 'warning');
    expect(warnings.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual(['charts/shop/templates/test-connection.yaml:1', 'deploy/base/legacy.yaml:1']);
  });

  it('sends at most one progress update per throttle interval', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', throttleMs: 10_000, env: step.env });
    await playSync(bus, shopPlan(), undefined, 5);
    await reporting.finish();
    expect(fake.validationErrors).toEqual([]);
    // Created, then nothing until the final update: the whole sync took less than the interval.
    expect(fake.calls('checks/update').filter((u) => u.body?.status === 'in_progress')).toHaveLength(0);
    expect(onlyRun().conclusion).toBe('success');
  });

  it('completes with failure and puts each failure on its manifest line with the hook logs', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', checkName: 'deploy / production', throttleMs: 10, env: step.env });
    const result = await playSync(bus, shopPlan(), migrationFails);
    const out = await reporting.finish();

    expect(fake.validationErrors).toEqual([]);
    const run = onlyRun();
    expect(run.name).toBe('deploy / production');
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toMatch(/^Failed in PreSync: Job shop\/db-migrate \(HookFailed\) after \d+ s$/);
    const failures = run.annotations.filter((a) => a.annotation_level === 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ path: 'deploy/hooks/migrate.yaml', start_line: 1, end_line: 1 });
    expect(failures[0].message).toContain('BackoffLimitExceeded');
    expect(failures[0].message).toContain(MIGRATION_LOGS.at(-1));
    // The failure is the first annotation sent: most important first.
    expect(run.annotations[0].annotation_level).toBe('failure');
    expect(out.outputs).toMatchObject({ result: 'Failed', 'failed-phase': 'PreSync', 'check-run-id': String(run.id) });
    expect(JSON.parse(out.outputs['failed-resources'])).toEqual([
      expect.objectContaining({ kind: 'Job', name: 'db-migrate', reason: 'HookFailed', file: 'deploy/hooks/migrate.yaml', line: 1 }),
    ]);
    expect(step.outputs()['failed-phase']).toBe('PreSync');
    expect(result.syncFailSteps).toHaveLength(1);
  });

  it('sends more than 50 annotations in batches of at most 50, every one at its source line', async () => {
    const bus = new EventBus();
    const plan = widePlan(120);
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', throttleMs: 10, env: step.env });
    const result = await playSync(bus, plan, () => ({
      state: 'Failed',
      message: 'ImagePullBackOff: image "ghcr.io/acme/worker:bad" not found',
      reason: 'Degraded',
    }));
    await reporting.finish();

    expect(fake.validationErrors).toEqual([]);
    expect(result.failures).toHaveLength(120);
    for (const u of fake.calls('checks/update')) {
      const n = ((u.body?.output as { annotations?: unknown[] } | undefined)?.annotations ?? []).length;
      expect(n).toBeLessThanOrEqual(50);
    }
    const run = onlyRun();
    expect(run.status).toBe('completed');
    // Completion comes last, after every batch was appended.
    const updates = fake.calls('checks/update');
    expect(updates.at(-1)?.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const failures = run.annotations.filter((a) => a.annotation_level === 'failure');
    expect(failures).toHaveLength(120);
    const bySource = new Map(plan.steps[0].tasks.map((t) => [t.name, `${t.source.file}:${t.source.line}`]));
    for (const a of failures) {
      const name = /worker-\d+/.exec(String(a.title))?.[0] as string;
      expect(`${a.path}:${a.start_line}`).toBe(bySource.get(name));
    }
  });

  it('is neutral in plan mode, lists the plan and never shows Secret data', async () => {
    const bus = new EventBus();
    const plan = shopPlan();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'plan', env: step.env });
    const out = await reporting.finish(null, plan);

    expect(fake.validationErrors).toEqual([]);
    const run = onlyRun();
    expect(run.conclusion).toBe('neutral');
    expect(run.output.title).toBe('Planned: 7 tasks in 5 steps (nothing applied)');
    expect(out.outputs.result).toBe('Planned');
    const summary = step.summary();
    expect(summary).toMatch(/^## 📋 Planned: wavesync plan of `shop`/);
    expect(summary).toContain('shop/shop-db');
    const everything = JSON.stringify(fake.requests) + summary + stdout.text() + JSON.stringify(step.outputs());
    for (const secret of [SECRET_B64, SECRET_PLAIN, 's3cr3t-pass']) expect(everything).not.toContain(secret);
  });

  it('never sends Secret data, kubeconfig credentials or the token anywhere during a sync', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 'ghs_tokenvalue123', app: 'shop', mode: 'sync', throttleMs: 10, env: step.env });
    await playSync(bus, shopPlan(), migrationFails, 5);
    await reporting.finish();
    const everything = JSON.stringify(fake.requests) + step.summary() + stdout.text() + JSON.stringify(step.outputs());
    for (const secret of [SECRET_B64, SECRET_PLAIN, 's3cr3t-pass', 'admin:', 'ghs_tokenvalue123']) expect(everything).not.toContain(secret);
    expect(step.summary()).toContain('`10.20.30.40:6443`');
  });
});

describe('check run on a pull request', () => {
  const head = 'fedcba9876543210fedcba9876543210fedcba98';
  beforeEach(() => setup({}, { name: 'pull_request', payload: { pull_request: { number: 7, head: { sha: head } } } }));

  it("goes on the pull request's head commit, not the merge commit", async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', env: step.env });
    await playSync(bus, shopPlan());
    await reporting.finish();
    expect(fake.validationErrors).toEqual([]);
    expect(onlyRun().head_sha).toBe(head);
  });
});

describe.each([403, 404] as const)('without permission (HTTP %i on create)', (status) => {
  beforeEach(() => setup({ denyChecks: status }));

  it('falls back to workflow-command annotations and explains the permission in the summary', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', throttleMs: 10, env: step.env });
    await playSync(bus, shopPlan(), migrationFails);
    const out = await reporting.finish();

    expect(fake.validationErrors).toEqual([]);
    expect(fake.calls('checks/create')).toHaveLength(1);
    expect(fake.calls('checks/update')).toHaveLength(0);
    expect(out.checkRunId).toBeNull();
    const log = stdout.text();
    const commands = log.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(commands[0]).toMatch(/^::error title=PreSync wave 0%3A Job shop\/db-migrate failed \(HookFailed\),file=deploy\/hooks\/migrate.yaml,line=1::/);
    expect(commands.some((c) => c.startsWith('::warning ') && c.includes('file=deploy/base/legacy.yaml,line=1'))).toBe(true);
    expect(commands).toContainEqual(
      expect.stringMatching(/^::notice title=PreSync failed,file=deploy\/hooks\/migrate.yaml,line=1::PreSync: 1 failed in 21 s$/),
    );
    const summary = step.summary();
    expect(summary.split('\n')[0]).toMatch(/^## ❌ Failed: wavesync sync of `shop` at `9f8e7d6c5b4a`/);
    expect(summary).toContain(`No check run was created:** GitHub answered HTTP ${status}`);
    expect(summary).toContain('checks: write');
    // The step's result is the sync's, not the reporting's.
    expect(out.outputs.result).toBe('Failed');
    expect(step.outputs()['check-run-id']).toBe('');
  });
});

describe('deployment', () => {
  beforeEach(() => setup());

  it('creates a deployment for the commit and moves it from in_progress to success', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, {
      token: 't',
      app: 'shop',
      mode: 'sync',
      environment: 'production',
      environmentUrl: 'https://shop.example.com',
      env: step.env,
    });
    await playSync(bus, shopPlan());
    await reporting.finish();
    expect(fake.validationErrors).toEqual([]);
    expect(fake.deployments).toHaveLength(1);
    const d = fake.deployments[0];
    expect(d.body).toMatchObject({ ref: SHA, environment: 'production', auto_merge: false, required_contexts: [] });
    expect(d.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(d.statuses[1]).toMatchObject({ environment_url: 'https://shop.example.com', log_url: 'https://github.com/acme/shop-deploy/actions/runs/987654321' });
  });

  it('marks the deployment failed when the sync fails', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'sync', environment: 'staging', env: step.env });
    await playSync(bus, shopPlan(), migrationFails);
    await reporting.finish();
    expect(fake.validationErrors).toEqual([]);
    expect(fake.deployments[0].statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });
});

describe('invalid manifests', () => {
  beforeEach(() => setup());

  it('fails the check run with a failure annotation per error, in plan mode too', async () => {
    const bus = new EventBus();
    const reporting = startReporting(bus, { token: 't', app: 'shop', mode: 'plan', env: step.env });
    bus.emit({
      type: 'validation-failed',
      at: 0,
      errors: [
        { source: { file: 'deploy/base/web.yaml', line: 12 }, message: 'argocd.argoproj.io/sync-wave: "one" is not an integer' },
        {
          source: { file: 'deploy/hooks/migrate.yaml', line: 4 },
          message: 'argocd.argoproj.io/hook-delete-policy: "Always" is not one of BeforeHookCreation, HookSucceeded, HookFailed',
        },
      ],
    });
    const out = await reporting.finish();
    expect(fake.validationErrors).toEqual([]);
    const run = onlyRun();
    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((a) => `${a.annotation_level} ${a.path}:${a.start_line}`)).toEqual([
      'failure deploy/base/web.yaml:12',
      'failure deploy/hooks/migrate.yaml:4',
    ]);
    expect(out.outputs.result).toBe('Failed');
    expect(step.summary()).toContain('### Invalid manifests');
    expect(step.summary().split('\n')[0]).toMatch(/^## ❌ Failed/);
  });
});
