// Runs the bundled action (`node dist/index.js`) the way a GitHub runner runs a step: every input
// of action.yml as an INPUT_* variable (the step's `with:` or else the default, expressions
// evaluated), the step's files (summary, outputs, state, event) created beforehand, the GITHUB_*
// context, and a clean environment so nothing of the test's own (KUBECONFIG, HOME) leaks in.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOutputFile } from '../../__tests__/report/helpers.js';
import { runnerInputEnv } from '../../test/github/runner-inputs.js';
import { REPO } from '../sync/harness.js';

export const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const PR_HEAD_SHA = 'feedface0000feedface0000feedface0000feed';
export const REPOSITORY = 'acme/shop-deploy';
export const RUN_ID = '424242';

export interface StepEvent {
  name: 'push' | 'pull_request';
  payload: Record<string, unknown>;
}

export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Warnings the step printed (::warning commands). */
  warnings: string[];
  /** Files the step left in RUNNER_TEMP (the kubeconfig's temp file must be gone). */
  leftInRunnerTemp: string[];
  tookMs: number;
}

export const pushEvent = (): StepEvent => ({
  name: 'push',
  payload: { ref: 'refs/heads/main', after: SHA, repository: { full_name: REPOSITORY }, head_commit: { id: SHA } },
});

/** A pull request from a fork: GITHUB_SHA is the merge commit, the check belongs on the head. */
export const forkPullRequestEvent = (): StepEvent => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: PR_HEAD_SHA, ref: 'patch-1', repo: { full_name: 'someone/shop-deploy', fork: true } },
      base: { sha: SHA, ref: 'main', repo: { full_name: REPOSITORY } },
    },
    repository: { full_name: REPOSITORY },
  },
});

/** The `with:` of the step in these tests: a sync of app `shop` from k8s/ into `namespace`. */
export function syncInputs(namespace: string, token: string, kubeconfig: string, extra: Record<string, string> = {}): Record<string, string> {
  return { manifests: 'k8s', namespace, app: 'shop', mode: 'sync', token, timeout: '90s', 'fail-fast-after': '10s', kubeconfig, ...extra };
}

/**
 * `inputs` are the step's `with:` (names as in action.yml); the runner turns each into
 * INPUT_<NAME upper-cased, spaces as _> (hyphens stay).
 */
export function runStep(opts: { workspace: string; inputs: Record<string, string>; apiUrl: string; event: StepEvent; timeoutMs?: number }): Promise<StepRun> {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-step-'));
  const runnerTemp = path.join(files, 'runner-temp');
  const home = path.join(files, 'home');
  fs.mkdirSync(runnerTemp);
  fs.mkdirSync(home);
  const summaryFile = path.join(files, 'step_summary.md');
  const outputFile = path.join(files, 'output.txt');
  const stateFile = path.join(files, 'state.txt');
  const eventFile = path.join(files, 'event.json');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(stateFile, '');
  fs.writeFileSync(eventFile, JSON.stringify(opts.event.payload));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_EVENT_NAME: opts.event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    GITHUB_SHA: SHA,
    GITHUB_REF: opts.event.name === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.apiUrl,
    RUNNER_TEMP: runnerTemp,
  };
  // The runner's github.token is the job's token; a `with: token:` replaces it as any input would.
  Object.assign(env, runnerInputEnv(opts.inputs, { repository: REPOSITORY, token: opts.inputs.token ?? 'ghs_runnerDefaultToken' }));

  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/index.js')], { cwd: opts.workspace, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        summary: fs.readFileSync(summaryFile, 'utf8'),
        outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
        warnings: workflowCommands(stdout)
          .filter((c) => c.command === 'warning')
          .map((c) => c.message),
        leftInRunnerTemp: fs.readdirSync(runnerTemp),
        tookMs: Date.now() - started,
      });
    });
  });
}

export interface WorkflowCommand {
  command: string;
  props: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** The `::command k=v,k=v::message` lines of a step's stdout, decoded. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  return stdout.split(/\r?\n/).flatMap((line) => {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) return [];
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const i = kv.indexOf('=');
          return [kv.slice(0, i), unescapeProp(kv.slice(i + 1))];
        }),
    );
    return [{ command: m[1], props, message: unescapeData(m[3]) }];
  });
}
