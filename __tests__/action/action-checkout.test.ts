// The action bundle checking out another repository over smart HTTP with the token input: the
// plan is the ref's commit, and the token appears in no log line (but the runner's own mask
// command), no output, no job summary and no file left in RUNNER_TEMP.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesContaining, makeTestRepo, startGitHttpServer, type GitHttpServer, type TestRepo } from '../../test/source/git-server.js';

const TOKEN = 'ghs_actionCheckoutToken0123456789abcd';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
let repo: TestRepo;
let server: GitHttpServer;

beforeAll(async () => {
  repo = makeTestRepo();
  server = await startGitHttpServer(repo.projectRoot, TOKEN);
});
afterAll(() => server.close());

function runAction(inputs: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-action-co-'));
  const workspace = path.join(dir, 'workspace');
  const runnerTemp = path.join(dir, 'runner-temp');
  fs.mkdirSync(path.join(workspace, '.git'), { recursive: true });
  fs.mkdirSync(runnerTemp);
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), state: path.join(dir, 'state') };
  fs.writeFileSync(files.output, '');
  fs.writeFileSync(files.summary, '');
  fs.writeFileSync(files.state, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_SERVER_URL: server.url,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: runnerTemp,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise<{ code: number | null; stdout: string; stderr: string; output: string; summary: string; state: string; runnerTemp: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['dist/index.js'], { env, cwd: process.cwd() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code,
          stdout,
          stderr,
          output: fs.readFileSync(files.output, 'utf8'),
          summary: fs.readFileSync(files.summary, 'utf8'),
          state: fs.readFileSync(files.state, 'utf8'),
          runnerTemp,
        }),
      );
    },
  );
}

describe('action: repository and ref', () => {
  test("mode plan of another repository at a tag over HTTP: the tag's commit is the revision; the token is nowhere", async () => {
    const r = await runAction({ manifests: 'k8s', mode: 'plan', repository: 'acme/shop-deploy', ref: 'v1', token: TOKEN });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.output).toContain(repo.first);
    expect(r.summary).toContain('k8s/config.yaml');
    const logLines = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    for (const text of [logLines.join('\n'), r.stderr, r.output, r.summary]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(BASIC);
    }
    expect(fs.readdirSync(r.runnerTemp)).toEqual([]);
    expect(filesContaining(path.dirname(r.runnerTemp), [TOKEN, BASIC])).toEqual([]);
    // The checkout was saved for the post step, which finds it already removed.
    const saved = /^checkout_dir<<(\S+)\n(.*)\n\1$/m.exec(r.state)?.[2];
    expect(saved?.startsWith(path.join(r.runnerTemp, 'wavesync-checkout-'))).toBe(true);
    const post = spawnSync(process.execPath, ['dist/post.js'], { env: { RUNNER_TEMP: r.runnerTemp, STATE_checkout_dir: saved }, encoding: 'utf8' });
    expect({ status: post.status, stdout: post.stdout }).toEqual({ status: 0, stdout: 'wavesync: the checkout was already removed\n' });
  });

  test('a wrong token: the step fails naming the repository; the token is in no message', async () => {
    const wrong = 'ghs_wrongToken0000000000000000000000';
    const r = await runAction({ manifests: 'k8s', mode: 'plan', repository: 'acme/shop-deploy', ref: 'main', token: wrong });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toContain(`fetching ${server.url}/acme/shop-deploy.git at main: git fetch failed`);
    const logLines = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(logLines.join('\n') + r.output + r.summary).not.toContain(wrong);
    expect(fs.readdirSync(r.runnerTemp)).toEqual([]);
  });
});
