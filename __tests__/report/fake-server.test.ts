// The fake GitHub server must be able to say no: requests that break GitHub's REST contract.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { SHA } from './fixtures.js';

const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

async function send(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const annotation = (i: number) => ({ path: 'deploy/a.yaml', start_line: i + 1, end_line: i + 1, annotation_level: 'failure', message: 'm' });

describe('fake GitHub server', () => {
  it('accepts a valid check run and answers with an id and html_url', async () => {
    const before = fake.validationErrors.length;
    const res = await send('POST', '/repos/acme/shop/check-runs', { name: 'wavesync / shop', head_sha: SHA, status: 'in_progress' });
    expect(res.status).toBe(201);
    expect(typeof res.json.id).toBe('number');
    expect(res.json.html_url).toMatch(/^https:\/\/github.com\/acme\/shop\/runs\/\d+$/);
    expect(fake.validationErrors.length).toBe(before);
  });

  it.each([
    ['an unknown enum value', { status: 'done' }, /not one of/],
    [
      'more than 50 annotations',
      { output: { title: 't', summary: 's', annotations: Array.from({ length: 51 }, (_, i) => annotation(i)) } },
      /51 items, at most 50/,
    ],
    [
      'an annotation without start_line',
      { output: { title: 't', summary: 's', annotations: [{ path: 'a.yaml', end_line: 1, annotation_level: 'notice', message: 'm' }] } },
      /missing required property start_line/,
    ],
    ['a string line number', { output: { title: 't', summary: 's', annotations: [{ ...annotation(0), start_line: '1' }] } }, /expected integer/],
    ['completed without conclusion', { status: 'completed' }, /conclusion/],
    [
      'an absolute annotation path',
      { output: { title: 't', summary: 's', annotations: [{ ...annotation(0), path: '/home/runner/work/a.yaml' }] } },
      /relative to the repository root/,
    ],
    ['a misspelt property', { conclusoin: 'success' }, /unknown property conclusoin/],
  ])('answers 422 to %s', async (_what, body, error) => {
    const created = await send('POST', '/repos/acme/shop/check-runs', { name: 'x', head_sha: SHA });
    const before = fake.validationErrors.length;
    const res = await send('PATCH', `/repos/acme/shop/check-runs/${created.json.id}`, body);
    expect(res.status).toBe(422);
    expect(fake.validationErrors.slice(before).join('\n')).toMatch(error);
  });

  it('answers 422 to a path GitHub does not have and to a non-numeric id', async () => {
    expect((await send('POST', '/repos/acme/shop/check-run', { name: 'x', head_sha: SHA })).status).toBe(422);
    expect((await send('PATCH', '/repos/acme/shop/check-runs/abc', { status: 'in_progress' })).status).toBe(422);
    expect(fake.validationErrors.some((e) => e.includes('no such operation'))).toBe(true);
    expect(fake.validationErrors.some((e) => e.includes('path.check_run_id'))).toBe(true);
  });

  it('answers 403 to check runs when told to act as a fork', async () => {
    const fork = await new FakeGitHub({ denyChecks: 403 }).start();
    try {
      const res = await fetch(`${fork.url}/repos/acme/shop/check-runs`, {
        method: 'POST',
        headers: { authorization: 'token t', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', head_sha: SHA }),
      });
      expect(res.status).toBe(403);
      expect(fork.validationErrors).toEqual([]);
    } finally {
      await fork.stop();
    }
  });
});
