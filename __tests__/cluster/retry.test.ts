import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/cluster/port.js';
import { backoffDelay, classifyError, parseRetryAfter, sleep, withRetry } from '../../src/cluster/retry.js';

function apiError(status: number, retryAfter?: string): ApiError {
  const err = new ApiError(status, `status ${status}`);
  if (retryAfter !== undefined) Object.assign(err, { retryAfter });
  return err;
}

function connError(code: string): Error {
  // The shape undici gives: TypeError('fetch failed') with the socket error as its cause.
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

/** A fake clock: sleeping advances time instantly and records the delays. */
function fakeTime() {
  let t = 1_000_000;
  const delays: number[] = [];
  return {
    delays,
    now: () => t,
    sleep: async (ms: number) => {
      delays.push(ms);
      t += ms;
    },
  };
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
  });
  it('ignores absent and garbage values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-1')).toBeUndefined();
  });
});

describe('classifyError', () => {
  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyError(apiError(status)).retry).toBe(true);
  });
  it.each([400, 401, 403, 404, 409, 410, 422, 501])('does not retry HTTP %i', (status) => {
    expect(classifyError(apiError(status)).retry).toBe(false);
  });
  it('carries Retry-After of a 429', () => {
    expect(classifyError(apiError(429, '2'))).toEqual({ retry: true, afterMs: 2000 });
  });
  it('reads Retry-After from a headers object or a Headers instance', () => {
    const plain = Object.assign(new Error('x'), { statusCode: 503, headers: { 'retry-after': '4' } });
    expect(classifyError(plain)).toEqual({ retry: true, afterMs: 4000 });
    const web = Object.assign(new Error('x'), { status: 429, headers: new Headers({ 'Retry-After': '1' }) });
    expect(classifyError(web)).toEqual({ retry: true, afterMs: 1000 });
  });
  it.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'])('retries connection error %s', (code) => {
    expect(classifyError(connError(code)).retry).toBe(true);
    expect(classifyError(Object.assign(new Error('x'), { code })).retry).toBe(true);
  });
  it('retries socket hang up and bare fetch failed', () => {
    expect(classifyError(new Error('socket hang up')).retry).toBe(true);
    expect(classifyError(new TypeError('fetch failed')).retry).toBe(true);
  });
  it('does not retry aborts or ordinary errors', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(classifyError(abort).retry).toBe(false);
    expect(classifyError(new Error('boom')).retry).toBe(false);
    expect(classifyError('a string').retry).toBe(false);
  });
  it('in safe-only mode retries only what surely had no effect', () => {
    expect(classifyError(apiError(429), true).retry).toBe(true);
    expect(classifyError(apiError(503), true).retry).toBe(true);
    expect(classifyError(apiError(500), true).retry).toBe(false);
    expect(classifyError(connError('ECONNREFUSED'), true).retry).toBe(true);
    expect(classifyError(connError('ECONNRESET'), true).retry).toBe(false);
    expect(classifyError(new Error('socket hang up'), true).retry).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by jitter', () => {
    expect(backoffDelay(1, 200, 10_000, () => 0.999999)).toBe(199);
    expect(backoffDelay(3, 200, 10_000, () => 0.5)).toBe(400);
    expect(backoffDelay(20, 200, 10_000, () => 0.5)).toBe(5000);
    expect(backoffDelay(5, 200, 10_000, () => 0)).toBe(0);
  });
});

describe('withRetry', () => {
  it('returns the first success after transient failures', async () => {
    const time = fakeTime();
    const errors = [apiError(503), connError('ECONNRESET')];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        const e = errors.shift();
        if (e) throw e;
        return 'ok';
      },
      { ...time, random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(time.delays).toEqual([100, 200]);
  });

  it('waits for Retry-After instead of the backoff, capped', async () => {
    const time = fakeTime();
    const errors = [apiError(429, '3'), apiError(429, '60')];
    await withRetry(
      async () => {
        const e = errors.shift();
        if (e) throw e;
      },
      { ...time, capMs: 10_000 },
    );
    expect(time.delays).toEqual([3000, 10_000]);
  });

  it('does not retry a 404 or a 409', async () => {
    for (const status of [404, 409]) {
      let calls = 0;
      const err = apiError(status);
      await expect(
        withRetry(async () => {
          calls++;
          throw err;
        }, fakeTime()),
      ).rejects.toBe(err);
      expect(calls).toBe(1);
    }
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw apiError(500);
        },
        { ...fakeTime(), maxAttempts: 4 },
      ),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(4);
  });

  it('keeps retrying a 429 past maxAttempts within the throttling budget, then gives up', async () => {
    const time = fakeTime();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw apiError(429, '1');
        },
        { ...time, maxAttempts: 3, throttledBudgetMs: 10_000 },
      ),
    ).rejects.toMatchObject({ status: 429 });
    // Waits of 1 s each until 10 s have passed since the first attempt: 11 calls, not 3.
    expect(calls).toBe(11);
    expect(time.delays.every((d) => d === 1000)).toBe(true);
  });

  it('a 500 still stops at maxAttempts whatever the throttling budget', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw apiError(500);
        },
        { ...fakeTime(), maxAttempts: 3, throttledBudgetMs: 60_000 },
      ),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(3);
  });

  it('gives up when the next wait would pass the deadline', async () => {
    const time = fakeTime();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw apiError(429, '5');
        },
        { ...time, deadlineMs: 12_000, maxAttempts: 100 },
      ),
    ).rejects.toMatchObject({ status: 429 });
    expect(time.delays).toEqual([5000, 5000]);
    expect(calls).toBe(3);
  });

  it('stops waiting when aborted', async () => {
    const ac = new AbortController();
    let calls = 0;
    const p = withRetry(
      async () => {
        calls++;
        throw apiError(503);
      },
      { signal: ac.signal, baseMs: 60_000, capMs: 60_000, random: () => 1 },
    );
    setTimeout(() => ac.abort(), 10);
    const started = Date.now();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(calls).toBe(1);
  });
});

describe('sleep', () => {
  it('rejects at once on an aborted signal', async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
