// Repository, commit and run from the step's environment.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobUrl, readGitHubContext } from '../../src/report/github-context.js';
import { serverHost } from '../../src/report/format.js';

const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_RUN_ID: '99',
  GITHUB_SERVER_URL: 'https://ghe.example.com/',
  GITHUB_API_URL: 'https://ghe.example.com/api/v3',
};

describe('readGitHubContext', () => {
  it('reads a push', () => {
    expect(readGitHubContext({ ...env, GITHUB_EVENT_NAME: 'push' })).toEqual({
      owner: 'acme',
      repo: 'shop',
      sha: 'a'.repeat(40),
      eventName: 'push',
      runId: '99',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      runUrl: 'https://ghe.example.com/acme/shop/actions/runs/99',
    });
  });

  it("uses a pull request's head SHA", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ctx-')), 'event.json');
    writeFileSync(file, JSON.stringify({ pull_request: { head: { sha: 'b'.repeat(40) } } }));
    expect(readGitHubContext({ ...env, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: file }).sha).toBe('b'.repeat(40));
    expect(readGitHubContext({ ...env, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file }).sha).toBe('a'.repeat(40));
  });

  it('defaults to github.com', () => {
    expect(readGitHubContext({ GITHUB_REPOSITORY: 'a/b' })).toMatchObject({ apiUrl: 'https://api.github.com', serverUrl: 'https://github.com', runUrl: '' });
  });

  it('links manifest lines at the commit', () => {
    expect(blobUrl(readGitHubContext(env), 'deploy/my app.yaml', 3)).toBe(`https://ghe.example.com/acme/shop/blob/${'a'.repeat(40)}/deploy/my%20app.yaml#L3`);
  });
});

describe('serverHost', () => {
  it.each([
    ['https://admin:pw@10.0.0.1:6443/k8s/clusters/c-1?token=x', '10.0.0.1:6443'],
    ['kube.example.com', 'kube.example.com'],
    ['', null],
    [null, null],
  ])('%s → %s', (input, host) => expect(serverHost(input)).toBe(host));
});
