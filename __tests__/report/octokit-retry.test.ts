// GitHub API calls that fail on the way are tried again; answers that are the caller's fault are not.
import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeOctokit } from '../../src/report/octokit.js';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((ok) => (server ? server.close(() => ok()) : ok())));

/** A server that answers the n-th request (from 1) with answers[n-1], or 200 after the list. */
async function serve(answers: (number | 'drop')[]): Promise<{ url: string; seen: () => number }> {
  let n = 0;
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answers[n++] ?? 200;
      if (a === 'drop') return req.socket.destroy();
      res.writeHead(a, { 'content-type': 'application/json' });
      res.end(a === 200 ? '{"id":7}' : '{"message":"no"}');
    });
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen: () => n };
}

const update = (url: string) =>
  makeOctokit('t', url, { delayMs: 5 }).rest.checks.update({ owner: 'acme', repo: 'shop', check_run_id: 1, status: 'completed', conclusion: 'failure' });

describe('the reporters’ Octokit', () => {
  it('tries a request again after a 502, a 503 and a dropped connection', async () => {
    const s = await serve([502, 503]);
    await expect(update(s.url)).resolves.toMatchObject({ status: 200, data: { id: 7 } });
    expect(s.seen()).toBe(3);

    await new Promise<void>((ok) => server!.close(() => ok()));
    const d = await serve(['drop']);
    await expect(update(d.url)).resolves.toMatchObject({ status: 200 });
    expect(d.seen()).toBe(2);
  });

  it('gives up after three tries, and never retries a 4xx', async () => {
    const s = await serve([503, 503, 503, 200]);
    await expect(update(s.url)).rejects.toMatchObject({ status: 503 });
    expect(s.seen()).toBe(3);

    await new Promise<void>((ok) => server!.close(() => ok()));
    const c = await serve([422]);
    await expect(update(c.url)).rejects.toMatchObject({ status: 422 });
    expect(c.seen()).toBe(1);
  });
});

describe('the lazily loaded client', () => {
  it('makes nested calls on the real client once it is loaded, and is not itself a promise', async () => {
    const s = await serve([]);
    const octokit = makeOctokit('t', s.url, { delayMs: 5 });
    expect((octokit as unknown as { then?: unknown }).then).toBeUndefined();
    // Awaiting the stand-in gives the stand-in back (a thenable would be called instead).
    expect(await Promise.resolve(octokit)).toBe(octokit);
    await expect(octokit.rest.checks.update({ owner: 'acme', repo: 'shop', check_run_id: 7, status: 'in_progress' })).resolves.toMatchObject({
      status: 200,
      data: { id: 7 },
    });
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).resolves.toMatchObject({ status: 200 });
    expect(s.seen()).toBe(2);
    const missing = (octokit as unknown as { rest: { nothing: { here: () => Promise<unknown> } } }).rest.nothing.here();
    await expect(missing).rejects.toThrow('octokit.rest.nothing.here is not a function');
  });
});
