// The bundled action run as a GitHub runner runs it, against the local control plane and a local
// stand-in for the GitHub API: the step's exit code, outputs file, job summary, workflow commands
// and the check-run requests GitHub would receive.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, type RecordedRequest } from '../../test/github/fake-server.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import fs from 'node:fs';
import path from 'node:path';
import { coreApi, withNamespace } from '../setup/cluster.js';
import { checkout, type Checkout } from './flow.js';
import { writeDocSamples } from './doc-samples.js';
import { renderSummary } from './rendered.js';
import { credentialsToMask, kubeconfigCredentials, kubeconfigText, leaked, visibleStdout } from './secrets.js';
import { forkPullRequestEvent, PR_HEAD_SHA, pushEvent, RUN_ID, runStep, SHA, syncInputs, workflowCommands, type StepEvent, type StepRun } from './step.js';

type Json = Record<string, unknown>;

const TOKEN = 'ghs_fakeToken0123456789abcdef';
const MIGRATION_LOG = ['applying 0041_create_orders', 'applying 0042_add_total', 'ERROR: column orders.total does not exist'];

let github: FakeGitHub;
afterEach(async () => {
  await github?.stop();
});

async function deploy(ns: string, repo: Checkout, event: StepEvent): Promise<StepRun> {
  const run = await runStep({
    workspace: repo.workspace,
    apiUrl: github.url,
    event,
    inputs: syncInputs(ns, TOKEN, kubeconfigText()),
  });
  process.stderr.write(`[e2e] action step (${event.name}) exit ${run.code} in ${(run.tookMs / 1000).toFixed(1)}s\n`);
  return run;
}

const checkRequests = (g: FakeGitHub) => g.requests.filter((r) => r.operationId?.startsWith('checks/'));
const annotationsOf = (r: RecordedRequest): Json[] => ((r.body?.output as Json | undefined)?.annotations as Json[] | undefined) ?? [];

/** Nothing the step wrote or sent carries a credential of the kubeconfig or a Secret's value. */
function expectNoSecrets(run: StepRun, repo: Checkout): void {
  const secrets = [...kubeconfigCredentials(), TOKEN, repo.secretValue, Buffer.from(repo.secretValue).toString('base64')];
  expect(leaked(visibleStdout(run.stdout), secrets)).toEqual([]);
  expect(leaked(run.stderr, secrets)).toEqual([]);
  expect(leaked(run.summary, secrets)).toEqual([]);
  expect(leaked(JSON.stringify(run.outputs), secrets)).toEqual([]);
  expect(leaked(JSON.stringify(github.requests), secrets)).toEqual([]);
  // Each credential is handed to the runner's masker on its own: the runner masks a multi-line
  // secret line by line, so the kubeconfig as a whole would only hide whole kubeconfig lines.
  const masked = new Set(
    workflowCommands(run.stdout)
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.message),
  );
  expect(
    credentialsToMask()
      .filter((c) => !masked.has(c))
      .map((c) => `${c.slice(0, 12)}…`),
  ).toEqual([]);
  // The kubeconfig input went to a private temp file in RUNNER_TEMP, removed after the sync.
  expect(run.leftInRunnerTemp).toEqual([]);
}

/** Every annotation sits on a line of a manifest where an object's document starts. */
function expectOnManifestLines(annotations: { path: string; line: number }[], repo: Checkout): void {
  expect(annotations.length).toBeGreaterThan(0);
  for (const a of annotations) {
    const text = repo.files[a.path as keyof typeof repo.files];
    expect(text).toBeDefined();
    expect(text.split('\n')[a.line - 1]).toMatch(/^apiVersion: /);
  }
}

describe('the action (node dist/index.js) as GitHub runs it', () => {
  beforeEach(async () => {
    github = await new FakeGitHub().start();
  });

  it('a successful sync: exit 0, outputs, summary, and a check run that ends in success', () =>
    withNamespace('shop', async (ns) => {
      // A migration that runs 3 s, so the check run gets progress updates while it is in progress.
      const repo = checkout({ migrate: { 'wavesync.test/run-for': '3s', 'wavesync.test/log': 'applying 0041_create_orders' } });
      const run = await deploy(ns, repo, pushEvent());
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      // Every input the step did not set is at its action.yml default, as on a runner: no warning.
      expect(run.warnings).toEqual([]);

      expect(run.outputs).toMatchObject({ result: 'Succeeded', 'failed-phase': '', 'failed-resources': '[]', revision: SHA });
      expect(Number(run.outputs['duration-seconds'])).toBeGreaterThan(3);
      const summaryJson = JSON.parse(run.outputs.summary) as {
        result: string;
        steps: { phase: string; state: string; tasks: { name: string; state: string }[] }[];
      };
      expect(summaryJson.result).toBe('Succeeded');
      expect(resultSchemaErrors(summaryJson)).toEqual([]);
      expect(summaryJson.steps.map((s) => `${s.phase}:${s.state}`)).toEqual([
        'PreSync:Succeeded',
        'PreSync:Succeeded',
        'Sync:Succeeded',
        'Sync:Succeeded',
        'Sync:Succeeded',
        'PostSync:Succeeded',
        'SyncFail:Pending',
      ]);

      // The check run: created in_progress on GITHUB_SHA, updated, completed with success.
      expect(github.validationErrors).toEqual([]);
      const calls = checkRequests(github);
      expect(calls[0]).toMatchObject({ operationId: 'checks/create', status: 201, body: { status: 'in_progress', head_sha: SHA, name: 'wavesync / shop' } });
      expect(calls[0].body?.details_url).toBe(`https://github.com/acme/shop-deploy/actions/runs/${RUN_ID}`);
      const updates = calls.slice(1);
      const last = updates.at(-1)!;
      expect(last).toMatchObject({ operationId: 'checks/update', status: 200, body: { status: 'completed', conclusion: 'success' } });
      const progress = updates.slice(0, -1).filter((u) => u.body?.status === 'in_progress');
      expect(progress.length).toBeGreaterThanOrEqual(1);
      for (const u of updates) expect(u.operationId).toBe('checks/update');
      for (const r of calls) expect(annotationsOf(r).length).toBeLessThanOrEqual(50);
      const [checkRun] = [...github.checkRuns.values()];
      expect(github.checkRuns.size).toBe(1);
      expect(checkRun).toMatchObject({ head_sha: SHA, status: 'completed', conclusion: 'success' });
      expect(run.outputs['check-run-id']).toBe(String(checkRun.id));
      expect(run.outputs['check-run-url']).toBe(`https://github.com/acme/shop-deploy/runs/${checkRun.id}`);
      // One notice per phase that ran, on the line of the phase's first task (a Secret goes before a
      // ConfigMap in the same wave).
      const notices = checkRun.annotations.filter((a) => a.annotation_level === 'notice');
      expect(notices.map((a) => a.title)).toEqual(['PreSync succeeded', 'Sync succeeded', 'PostSync succeeded']);
      expect(notices.map((a) => `${a.path}:${a.start_line}`)).toEqual([
        `k8s/hooks.yaml:${repo.lineOf('k8s/hooks.yaml', 'config-check')}`,
        `k8s/app.yaml:${repo.lineOf('k8s/app.yaml', 'credentials')}`,
        `k8s/hooks.yaml:${repo.lineOf('k8s/hooks.yaml', 'smoke-test')}`,
      ]);
      expectOnManifestLines(
        checkRun.annotations.map((a) => ({ path: a.path as string, line: a.start_line as number })),
        repo,
      );

      // The job summary: the result first, the cluster's host, the timeline, a table per phase.
      const lines = run.summary.split('\n');
      expect(lines[0]).toMatch(/^## ✅ Succeeded: wavesync sync of `shop` at `c0ffee00c0ff`$/);
      expect(run.summary).toMatch(/\| \*\*Cluster\*\* \| `127\.0\.0\.1:\d+` \|/);
      expect(run.summary).toContain('```mermaid\ngantt\n');
      for (const phase of ['PreSync', 'Sync', 'PostSync']) expect(lines).toContain(`### ${phase}`);
      expect(run.summary).toContain(`[details](https://github.com/acme/shop-deploy/runs/${checkRun.id})`);
      expect(run.summary).not.toContain('No check run');
      // No `environment` input: no deployment is recorded.
      expect(github.requests.filter((r) => r.path.includes('/deployments'))).toEqual([]);
      const rendered = renderSummary(run.summary);
      expect(rendered.problems).toEqual([]);
      expect(rendered.tables).toBe(5); // facts, PreSync, Sync, PostSync, SyncFail (not run)
      expectNoSecrets(run, repo);
      writeDocSamples('succeeded', run, github);
    }));

  it('a failing PreSync migration: exit 1, failed outputs, a failure annotation with the log lines, conclusion failure', () =>
    withNamespace('shop', async (ns) => {
      const repo = checkout({ migrate: { 'wavesync.test/outcome': 'fail', 'wavesync.test/log': MIGRATION_LOG.join('\n') } });
      const run = await deploy(ns, repo, pushEvent());
      expect(run.code).toBe(1);
      const migrateLine = repo.lineOf('k8s/hooks.yaml', 'migrate');

      expect(run.outputs).toMatchObject({ result: 'Failed', 'failed-phase': 'PreSync', revision: SHA });
      const failed = JSON.parse(run.outputs['failed-resources']) as Json[];
      expect(failed).toEqual([
        expect.objectContaining({
          phase: 'PreSync',
          kind: 'Job',
          namespace: ns,
          name: 'migrate',
          reason: 'HookFailed',
          file: 'k8s/hooks.yaml',
          line: migrateLine,
        }),
      ]);
      expect(resultSchemaErrors(JSON.parse(run.outputs.summary))).toEqual([]);
      // The step fails with a message naming the Job (an ::error command on the step).
      const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error');
      expect(errors.some((e) => /migrate/.test(e.message))).toBe(true);

      expect(github.validationErrors).toEqual([]);
      const calls = checkRequests(github);
      expect(calls[0]).toMatchObject({ operationId: 'checks/create', body: { status: 'in_progress', head_sha: SHA } });
      expect(calls.at(-1)).toMatchObject({ operationId: 'checks/update', body: { status: 'completed', conclusion: 'failure' } });
      for (const r of calls) expect(annotationsOf(r).length).toBeLessThanOrEqual(50);
      const [checkRun] = [...github.checkRuns.values()];
      expect(checkRun).toMatchObject({ head_sha: SHA, conclusion: 'failure' });
      const failures = checkRun.annotations.filter((a) => a.annotation_level === 'failure');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ path: 'k8s/hooks.yaml', start_line: migrateLine, end_line: migrateLine });
      expect(failures[0].title).toMatch(/PreSync wave -1: Job .*migrate failed \(HookFailed\)/);
      for (const l of MIGRATION_LOG) expect(failures[0].message).toContain(l);
      expectOnManifestLines(
        checkRun.annotations.map((a) => ({ path: a.path as string, line: a.start_line as number })),
        repo,
      );
      // Nothing of Sync ran: no notice for it; PreSync's is there.
      expect(checkRun.annotations.filter((a) => a.annotation_level === 'notice').map((a) => a.title)).toEqual(['PreSync failed', 'SyncFail succeeded']);

      const lines = run.summary.split('\n');
      expect(lines[0]).toMatch(/^## ❌ Failed: wavesync sync of `shop`/);
      const details = /<details><summary>Last 3 log lines of migrate<\/summary>\n\n```[a-z]*\n([\s\S]*?)\n```\n\n<\/details>/.exec(run.summary);
      expect(details?.[1].split('\n')).toEqual(MIGRATION_LOG);
      expect(run.summary).toMatch(/### Failures\n\n#### ❌ Job .*migrate \(PreSync wave -1\)/);
      const rendered = renderSummary(run.summary);
      expect(rendered.problems).toEqual([]);
      expect(rendered.tables).toBe(5); // facts, PreSync, Sync, PostSync, SyncFail
      expect(rendered.html).toMatch(
        /<details><summary>Last 3 log lines of migrate<\/summary>\s*<pre><code class="language-text">applying 0041_create_orders\n/,
      );
      expectNoSecrets(run, repo);
      writeDocSamples('failed', run, github);
    }));

  it('invalid manifests in mode sync: exit 1, every error at its line, nothing applied, the kubeconfig copy removed and the client closed', () =>
    withNamespace('shop-invalid', async (ns) => {
      const repo = checkout();
      const file = path.join(repo.workspace, 'k8s/app.yaml');
      const broken = repo.files['k8s/app.yaml'].replace(
        '  name: settings\n  annotations: { argocd.argoproj.io/sync-wave: "0" }',
        '  name: settings\n  annotations: { argocd.argoproj.io/sync-wave: "one" }',
      );
      expect(broken).not.toBe(repo.files['k8s/app.yaml']);
      fs.writeFileSync(file, broken);
      const run = await deploy(ns, repo, pushEvent());
      expect(run.code).toBe(1);
      // The 0600 copy of the kubeconfig input is gone, and the step ended at once (no client
      // or watch left holding the process).
      expect(run.leftInRunnerTemp).toEqual([]);
      expect(run.tookMs).toBeLessThan(20_000);
      expect(run.outputs).toMatchObject({ result: 'Failed', 'failed-phase': '' });
      const failed = JSON.parse(run.outputs['failed-resources']) as Json[];
      expect(failed).toEqual([expect.objectContaining({ reason: 'Validation', file: 'k8s/app.yaml', message: expect.stringContaining('sync-wave') })]);
      // On the ConfigMap's document (its first line or its annotation's).
      const settingsAt = repo.lineOf('k8s/app.yaml', 'settings');
      expect(failed[0].line).toBeGreaterThanOrEqual(settingsAt);
      expect(failed[0].line).toBeLessThanOrEqual(settingsAt + 4);
      const summary = JSON.parse(run.outputs.summary) as Json;
      expect(summary).toMatchObject({ app: 'shop', result: 'Failed', reason: 'Validation' });
      expect(resultSchemaErrors(summary)).toEqual([]);
      expect(
        workflowCommands(run.stdout)
          .filter((c) => c.command === 'error')
          .at(-1)?.message,
      ).toMatch(/nothing was applied/);
      // Nothing reached the cluster.
      const cms = (await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata?.name);
      expect(cms).not.toContain('settings');
      expectNoSecrets(run, repo);
    }));

  it('a fork without checks permission: the step still succeeds, annotations go to the log, the summary says what to grant', async () => {
    await github.stop();
    github = await new FakeGitHub({ denyChecks: 403 }).start();
    await withNamespace('shop-fork', async (ns) => {
      const repo = checkout();
      const run = await deploy(ns, repo, forkPullRequestEvent());
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.outputs).toMatchObject({ result: 'Succeeded', 'check-run-id': '', 'check-run-url': '' });

      // One attempt, on the pull request's head commit, refused; nothing else sent.
      expect(github.validationErrors).toEqual([]);
      const calls = checkRequests(github);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ operationId: 'checks/create', status: 403, body: { head_sha: PR_HEAD_SHA } });

      const commands = workflowCommands(run.stdout);
      const notices = commands.filter((c) => c.command === 'notice');
      expect(notices.map((n) => n.props.title)).toEqual(['PreSync succeeded', 'Sync succeeded', 'PostSync succeeded']);
      expectOnManifestLines(
        notices.map((n) => ({ path: n.props.file, line: Number(n.props.line) })),
        repo,
      );
      expect(notices[0].props).toMatchObject({ file: 'k8s/hooks.yaml', line: String(repo.lineOf('k8s/hooks.yaml', 'config-check')) });
      expect(commands.filter((c) => c.command === 'error')).toEqual([]);

      expect(run.summary.split('\n')[0]).toMatch(/^## ✅ Succeeded/);
      expect(run.summary).toContain('No check run was created');
      expect(run.summary).toContain('HTTP 403');
      expect(run.summary).toMatch(/permissions:\n> +contents: read\n> +checks: write/);
      expect(run.summary).toContain('This pull request comes from a fork');
      expectNoSecrets(run, repo);
      writeDocSamples('fork', run, github);
    });
  });
  it("a fork without checks permission and a failing migration: the step fails as it would, the ::error is on the Job's line first", async () => {
    await github.stop();
    github = await new FakeGitHub({ denyChecks: 403 }).start();
    await withNamespace('shop-fork', async (ns) => {
      const repo = checkout({ migrate: { 'wavesync.test/outcome': 'fail', 'wavesync.test/log': MIGRATION_LOG.join('\n') } });
      const run = await deploy(ns, repo, forkPullRequestEvent());
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ result: 'Failed', 'failed-phase': 'PreSync', 'check-run-id': '' });
      expect(github.validationErrors).toEqual([]);
      expect(checkRequests(github).map((c) => c.status)).toEqual([403]);

      // The annotations, most important first: the failure on the migration Job's line with its
      // log lines, then the phase notices; the step's own failure message comes last.
      const commands = workflowCommands(run.stdout).filter((c) => ['error', 'warning', 'notice'].includes(c.command));
      const migrateLine = String(repo.lineOf('k8s/hooks.yaml', 'migrate'));
      expect(commands[0]).toMatchObject({ command: 'error', props: { file: 'k8s/hooks.yaml', line: migrateLine } });
      expect(commands[0].props.title).toMatch(/PreSync wave -1: Job .*migrate failed \(HookFailed\)/);
      for (const l of MIGRATION_LOG) expect(commands[0].message).toContain(l);
      expect(commands.slice(1, 3).map((c) => `${c.command}:${c.props.title}`)).toEqual(['notice:PreSync failed', 'notice:SyncFail succeeded']);
      expect(commands.at(-1)).toMatchObject({ command: 'error', props: {} });
      expect(run.summary).toContain('No check run was created');
      expect(renderSummary(run.summary).problems).toEqual([]);
      expectNoSecrets(run, repo);
    });
  });
});
