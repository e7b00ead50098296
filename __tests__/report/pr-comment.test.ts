// The diff's pull-request comment against the local stand-in GitHub API (requests validated
// against GitHub's OpenAPI description): created once, then edited, never duplicated; other
// comments and other apps' comments are left alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { makeOctokit } from '../../src/report/octokit.js';
import { pullRequestOf, upsertComment } from '../../src/report/pr-comment.js';
import { commentMarker } from '../../src/report/diff-format.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(() => github.stop());

describe('pull-request comment', () => {
  it('is created once, then edited in place; another app gets its own; a human comment is untouched', async () => {
    const octokit = makeOctokit('ghs_commentToken', github.url);
    const pr = { owner: 'acme', repo: 'shop', number: 7 };
    github.comments.set(7, [{ id: 1, body: 'LGTM' }]);
    const first = await upsertComment(octokit, pr, commentMarker('shop'), 'diff one');
    const second = await upsertComment(octokit, pr, commentMarker('shop'), 'diff two');
    const other = await upsertComment(octokit, pr, commentMarker('api'), 'api diff');
    expect([first.action, second.action, other.action]).toEqual(['created', 'updated', 'created']);
    expect(second.id).toBe(first.id);
    expect(github.comments.get(7)).toEqual([
      { id: 1, body: 'LGTM' },
      { id: first.id, body: `${commentMarker('shop')}\ndiff two` },
      { id: other.id, body: `${commentMarker('api')}\napi diff` },
    ]);
    expect(github.calls('issues/create-comment')).toHaveLength(2);
    expect(github.calls('issues/update-comment')).toHaveLength(1);
    expect(github.validationErrors).toEqual([]);
  });

  it('finds the pull request in the event payload; other events have none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-event-'));
    const event = path.join(dir, 'event.json');
    fs.writeFileSync(event, JSON.stringify({ number: 7, pull_request: { number: 7 } }));
    expect(pullRequestOf({ GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event })).toEqual({
      owner: 'acme',
      repo: 'shop',
      number: 7,
    });
    expect(pullRequestOf({ GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event })).toBeNull();
  });
});
