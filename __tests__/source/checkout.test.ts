// Checkout: a local bare repository over file:// and over smart HTTP that requires the token. Each
// kind of ref gives the right commit; the token reaches the server as a header and nowhere else:
// not in the URL, an error, the CLI's output or a file left on disk.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkout, CheckoutError, repositoryUrl } from '../../src/source/checkout.js';
import { runCli } from '../../src/cli/run.js';
import { filesContaining, makeTestRepo, startGitHttpServer, type GitHttpServer, type TestRepo } from '../../test/source/git-server.js';

const TOKEN = 'ghs_checkoutTestToken0123456789abcdef';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
let repo: TestRepo;
let server: GitHttpServer;
let temp: string;

beforeAll(async () => {
  repo = makeTestRepo();
  server = await startGitHttpServer(repo.projectRoot, TOKEN);
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-runner-temp-'));
});
afterAll(() => server.close());

const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME });
const fileUrl = () => `file://${repo.bare}`;
const configValue = (dir: string) => fs.readFileSync(path.join(dir, 'k8s/config.yaml'), 'utf8').match(/value: "(\w+)"/)?.[1];

describe('checkout over file://', () => {
  it.each([
    ['the default branch', '', 'second', 'two'],
    ['a branch', 'main', 'second', 'two'],
    ['an annotated tag', 'v1', 'first', 'one'],
    ['a full SHA', 'FIRST', 'first', 'one'],
    ['a short SHA', 'FIRST7', 'first', 'one'],
    ['a pull-request ref', 'refs/pull/1/head', 'pull', 'pull'],
  ] as const)('%s: the files and the recorded revision are that commit', async (_what, ref, commit, value) => {
    const r = ref === 'FIRST' ? repo.first : ref === 'FIRST7' ? repo.first.slice(0, 7) : ref;
    const co = await checkout({ repository: fileUrl(), ref: r, env: env(), tempDir: temp });
    try {
      expect(co.sha).toBe(repo[commit]);
      expect(configValue(co.dir)).toBe(value);
      expect(co.dir.startsWith(temp)).toBe(true);
    } finally {
      co.cleanup();
    }
    expect(fs.existsSync(co.dir)).toBe(false);
  });

  it('an unknown ref is a clear error and leaves no directory behind', async () => {
    const before = fs.readdirSync(temp);
    await expect(checkout({ repository: fileUrl(), ref: 'no-such-branch', env: env(), tempDir: temp })).rejects.toThrow(
      new RegExp(`^fetching file://.* at no-such-branch: git fetch failed:\\n.*no-such-branch`),
    );
    expect(fs.readdirSync(temp)).toEqual(before);
  });
});

describe('checkout over HTTP with a token', () => {
  it('sends the token as a header only: the commit is checked out, nothing on disk or in the URL holds it', async () => {
    const co = await checkout({ repository: 'acme/shop-deploy', ref: 'v1', token: TOKEN, serverUrl: server.url, env: env(), tempDir: temp });
    try {
      expect(co.sha).toBe(repo.first);
      expect(co.url).toBe(`${server.url}/acme/shop-deploy.git`);
      expect(filesContaining(co.dir, [TOKEN, BASIC])).toEqual([]);
      expect(fs.readFileSync(path.join(co.dir, '.git/config'), 'utf8')).not.toMatch(/extraheader|AUTHORIZATION/i);
    } finally {
      co.cleanup();
    }
    const authorized = server.requests.filter((r) => r.authorization);
    expect(authorized.length).toBeGreaterThan(0);
    expect(server.requests.every((r) => !r.url.includes(TOKEN))).toBe(true);
  });

  it('a wrong token: the error names the repository, never the token', async () => {
    const wrong = `${TOKEN}-wrong`;
    let error: unknown;
    try {
      await checkout({ repository: 'acme/shop-deploy', ref: 'main', token: wrong, serverUrl: server.url, env: env(), tempDir: temp });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CheckoutError);
    const message = (error as Error).message;
    expect(message).toContain(`${server.url}/acme/shop-deploy.git`);
    expect(message).not.toContain(wrong);
    expect(message).not.toContain(Buffer.from(`x-access-token:${wrong}`).toString('base64'));
  });

  it("wavesync plan --repository --ref: the plan is the tag's, sources relative to the checkout, the token nowhere in the output or the temp directory", async () => {
    let stdout = '';
    let stderr = '';
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-cwd-'));
    const code = await runCli(['plan', '--repository', `${server.url}/acme/shop-deploy`, '--ref', 'v1', '--manifests', 'k8s', '--output', 'json'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd,
      env: { ...env(), WAVESYNC_GIT_TOKEN: TOKEN, RUNNER_TEMP: temp },
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const plan = JSON.parse(stdout);
    expect(plan.app).toBe('shop-deploy');
    expect(plan.revision).toBe(repo.first);
    expect(plan.steps[0].tasks[0].source).toEqual({ file: 'k8s/config.yaml', line: 1 });
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(fs.readdirSync(temp)).toEqual([]);
    expect(filesContaining(temp, [TOKEN, BASIC])).toEqual([]);
  });
});

describe('repository names', () => {
  it('owner/name goes to the server; a URL with credentials is refused', () => {
    expect(repositoryUrl('acme/shop', 'https://ghe.example/')).toBe('https://ghe.example/acme/shop.git');
    expect(() => repositoryUrl(`https://x-access-token:${TOKEN}@github.com/acme/shop`)).toThrow(/holds credentials/);
    expect(() => repositoryUrl('not a repo')).toThrow(/neither owner\/name nor a URL/);
  });
});
