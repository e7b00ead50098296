// The `environment` input: the bundled action records a GitHub deployment of the commit and moves
// its status from in_progress to success or failure, so the environment page shows what is deployed.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, type RecordedRequest } from '../../test/github/fake-server.js';
import { withNamespace } from '../setup/cluster.js';
import { checkout, type Checkout } from './flow.js';
import { kubeconfigCredentials, kubeconfigText, leaked } from './secrets.js';
import { pushEvent, RUN_ID, runStep, SHA, syncInputs, workflowCommands, type StepRun } from './step.js';

const TOKEN = 'ghs_fakeToken0123456789abcdef';
const ENVIRONMENT = { environment: 'staging', 'environment-url': 'https://staging.example.com' };
const RUN_URL = `https://github.com/acme/shop-deploy/actions/runs/${RUN_ID}`;

let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await github?.stop();
});

async function deploy(ns: string, repo: Checkout): Promise<StepRun> {
  const run = await runStep({
    workspace: repo.workspace,
    apiUrl: github.url,
    event: pushEvent(),
    inputs: syncInputs(ns, TOKEN, kubeconfigText(), ENVIRONMENT),
  });
  process.stderr.write(`[e2e] action step with environment exit ${run.code} in ${(run.tookMs / 1000).toFixed(1)}s\n`);
  return run;
}

const deploymentRequests = (g: FakeGitHub): RecordedRequest[] => g.requests.filter((r) => r.path.includes('/deployments'));

/** The create request and the statuses' states, in the order GitHub received them. */
function expectDeployment(run: StepRun, finalState: 'success' | 'failure'): void {
  expect(github.validationErrors).toEqual([]);
  const calls = deploymentRequests(github);
  expect(calls.map((c) => `${c.operationId} ${c.status} ${c.body?.state ?? ''}`.trim())).toEqual([
    'repos/create-deployment 201',
    'repos/create-deployment-status 201 in_progress',
    `repos/create-deployment-status 201 ${finalState}`,
  ]);
  expect(calls[0]).toMatchObject({
    method: 'POST',
    path: '/repos/acme/shop-deploy/deployments',
    body: { ref: SHA, environment: 'staging', auto_merge: false, required_contexts: [], payload: { revision: SHA } },
  });
  expect(github.deployments).toHaveLength(1);
  const [created] = github.deployments;
  for (const status of calls.slice(1)) {
    expect(status.path).toBe(`/repos/acme/shop-deploy/deployments/${created.id}/statuses`);
    expect(status.body).toMatchObject({ environment: 'staging', environment_url: 'https://staging.example.com', log_url: RUN_URL });
  }
  // The deployment is marked in_progress before the sync's end is reported anywhere, and its final
  // state is the last thing sent.
  const completed = github.calls('checks/update').find((u) => u.body?.status === 'completed');
  // When it is missing, the step's warnings say why (seen once in CI, not reproduced).
  const warnings = workflowCommands(run.stdout).filter((c) => c.command === 'warning');
  expect({ completed: completed !== undefined, warnings: completed ? [] : warnings.map((w) => w.message) }).toEqual({ completed: true, warnings: [] });
  expect(calls[1].at).toBeLessThanOrEqual(completed!.at);
  expect(github.requests.at(-1)).toBe(calls[2]);
  // A refusal would only be a warning; here nothing was refused.
  expect(workflowCommands(run.stdout).filter((c) => c.command === 'warning' && /deployment/i.test(c.message))).toEqual([]);
  expect(leaked(JSON.stringify(calls), [...kubeconfigCredentials(), TOKEN])).toEqual([]);
}

describe('the action with an environment records a GitHub deployment', () => {
  it('a successful sync: deployment of GITHUB_SHA to staging, in_progress then success with the environment URL', () =>
    withNamespace('shop-env', async (ns) => {
      const run = await deploy(ns, checkout());
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.outputs.result).toBe('Succeeded');
      expectDeployment(run, 'success');
    }));

  it('a failing PreSync migration: the deployment ends in failure', () =>
    withNamespace('shop-env', async (ns) => {
      const run = await deploy(ns, checkout({ migrate: { 'wavesync.test/outcome': 'fail' } }));
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
      expect(run.outputs).toMatchObject({ result: 'Failed', 'failed-phase': 'PreSync' });
      expectDeployment(run, 'failure');
    }));
});
