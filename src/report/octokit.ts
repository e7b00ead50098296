// The Octokit the reporters use: @actions/github's, pointed at GITHUB_API_URL, trying a request
// again when it failed on the way. One dropped connection or a 502 from a busy API must not leave
// the check run in_progress for ever (a required check would then block the merge).
// @actions/github (Octokit, 1.2 MB of the action's bundle) loads on the first call: the action's
// start compiles less before its first request to the cluster (issue 13).
import type { getOctokit } from '@actions/github';
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
  let loaded: Promise<Octokit> | null = null;
  const load = () =>
    (loaded ??= import('@actions/github').then(({ getOctokit }) => {
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
    }));
  return lazyCalls(load, []) as Octokit;
}

/**
 * Stands in for the client: any call along a property path (`rest.checks.create(...)`,
 * `paginate(...)`) waits for the real client and makes the same call on it. Every Octokit call
 * is asynchronous, so callers see no difference. No `then`: the stand-in is not a promise.
 */
function lazyCalls(load: () => Promise<object>, path: string[]): unknown {
  return new Proxy(function () {}, {
    get: (_target, prop) => (typeof prop === 'string' && !(path.length === 0 && prop === 'then') ? lazyCalls(load, [...path, prop]) : undefined),
    apply: async (_target, _this, args: unknown[]) => {
      let owner: unknown = await load();
      let member: unknown = owner;
      for (const p of path) {
        owner = member;
        member = (member as Record<string, unknown> | undefined)?.[p];
      }
      if (typeof member !== 'function') throw new TypeError(`octokit.${path.join('.')} is not a function`);
      return (member as (...a: unknown[]) => unknown).apply(owner, args);
    },
  });
}
