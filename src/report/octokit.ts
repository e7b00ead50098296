// The Octokit the reporters use: @actions/github's, pointed at GITHUB_API_URL, trying a request
// again when it failed on the way. One dropped connection or a 502 from a busy API must not leave
// the check run in_progress for ever (a required check would then block the merge).
import { getOctokit } from '@actions/github';
import { sleep } from '../model/sleep.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RetryOptions {
  /** Tries per request, the first one included. */
  attempts?: number;
  /** Pause before the second try; doubled before each further one. */
  delayMs?: number;
}

/** 5xx answers, and failures before any answer (Octokit reports those as status 500). */
export function isTransient(err: unknown): boolean {
  const status = (err as { status?: unknown })?.status;
  return typeof status !== 'number' || status >= 500;
}

export function makeOctokit(token: string, baseUrl: string, retry: RetryOptions = {}): Octokit {
  const attempts = retry.attempts ?? 3;
  const delayMs = retry.delayMs ?? 1000;
  const octokit = getOctokit(token, { baseUrl });
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (err) {
        if (attempt >= attempts || !isTransient(err)) throw err;
        await sleep(delayMs * 2 ** (attempt - 1));
      }
    }
  });
  return octokit;
}
