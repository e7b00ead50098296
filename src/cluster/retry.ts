// Retrying calls to the API server: 429 (honouring Retry-After), 5xx and dropped connections, with
// capped exponential backoff and full jitter. Client errors (4xx) are the caller's to handle.
import { sleep as pause } from '../model/sleep.js';

export interface RetryOptions {
  /** Total attempts, including the first. */
  maxAttempts?: number;
  /** Backoff base and cap in milliseconds. */
  baseMs?: number;
  capMs?: number;
  /** Give up once this many milliseconds have passed since the first attempt. */
  deadlineMs?: number;
  /**
   * A 429 is the server asking to slow down, not failing: it is retried past maxAttempts for this
   * long since the first attempt (API Priority and Fairness can hold a busy client for seconds).
   */
  throttledBudgetMs?: number;
  signal?: AbortSignal;
  /**
   * Only retry errors where the request surely had no effect (429, 503, connection refused).
   * For non-idempotent calls such as POST with generateName.
   */
  safeOnly?: boolean;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Called before each wait, e.g. for debug logs. */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void;
}

export const RETRY_DEFAULTS = { maxAttempts: 8, baseMs: 200, capMs: 10_000, throttledBudgetMs: 120_000 } as const;

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const SAFE_STATUSES = new Set([429, 503]);
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_CLOSED',
  // The connection pool was retired under the request (transport.ts): it may have been sent.
  'UND_ERR_DESTROYED',
  // The answer was cut off mid-body: the request may have had its effect (not safe-only).
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);
const SAFE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const CONNECTION_MESSAGES = ['socket hang up', 'fetch failed', 'other side closed'];

export type RetryDecision = { retry: false } | { retry: true; afterMs?: number };

function asRecord(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : null;
}

/** The HTTP status an error carries, whatever library produced it. */
export function statusOf(err: unknown): number | undefined {
  const e = asRecord(err);
  if (!e) return undefined;
  for (const key of ['status', 'statusCode', 'code']) {
    const v = e[key];
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  return undefined;
}

/** Error codes of the error and its causes (undici wraps the socket error in `cause`). */
function codesOf(err: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  let e = asRecord(err);
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.message === 'string') messages.push(e.message.toLowerCase());
    e = asRecord(e.cause);
  }
  return { codes, messages };
}

function isAbort(err: unknown): boolean {
  const e = asRecord(err);
  return e?.name === 'AbortError' || e?.name === 'TimeoutError';
}

/** Whether an error is a dropped or refused connection rather than an answer from the server. */
export function isConnectionError(err: unknown, safeOnly = false): boolean {
  if (isAbort(err)) return false;
  const { codes, messages } = codesOf(err);
  const known = safeOnly ? SAFE_CONNECTION_CODES : CONNECTION_CODES;
  if (codes.some((c) => known.has(c))) return true;
  // "fetch failed" without a known code can mean the request was sent: only retry it when allowed.
  return !safeOnly && messages.some((m) => CONNECTION_MESSAGES.some((s) => m.includes(s)));
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (relative to `now`).
 * undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP date always names its weekday and month; this keeps "-1" from parsing as a year.
  if (!/[a-z]/i.test(v)) return undefined;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function retryAfterOf(err: unknown): string | undefined {
  const e = asRecord(err);
  if (!e) return undefined;
  if (typeof e.retryAfter === 'string') return e.retryAfter;
  const headers = asRecord(e.headers);
  if (headers) {
    const get = headers.get;
    if (typeof get === 'function') return (get.call(headers, 'retry-after') as string | null) ?? undefined;
    const v = headers['retry-after'] ?? headers['Retry-After'];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** Whether to retry an error, and how long the server asked us to wait. */
export function classifyError(err: unknown, safeOnly = false, now = Date.now()): RetryDecision {
  if (isAbort(err)) return { retry: false };
  // A failure that no retry can mend (no such host, a certificate refused) ends at once.
  if (asRecord(err)?.permanent === true) return { retry: false };
  const status = statusOf(err);
  if (status !== undefined) {
    const retryable = safeOnly ? SAFE_STATUSES : RETRY_STATUSES;
    if (!retryable.has(status)) return { retry: false };
    return { retry: true, afterMs: parseRetryAfter(retryAfterOf(err), now) };
  }
  return isConnectionError(err, safeOnly) ? { retry: true } : { retry: false };
}

/** Full jitter: a random delay between 0 and min(cap, base * 2^(attempt-1)). attempt starts at 1. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/** The shared sleep, rejecting when the signal aborts (a retry loop must stop, not go on). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw abortError(signal);
  await pause(ms, signal);
  if (signal?.aborted) throw abortError(signal);
}

/** Run fn, retrying transient failures. The last error is rethrown when retries are exhausted. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const maxAttempts = opts.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
  const baseMs = opts.baseMs ?? RETRY_DEFAULTS.baseMs;
  const capMs = opts.capMs ?? RETRY_DEFAULTS.capMs;
  const wait = opts.sleep ?? sleep;
  const now = opts.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw abortError(opts.signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (opts.signal?.aborted) throw abortError(opts.signal);
      const decision = classifyError(err, opts.safeOnly, now());
      if (!decision.retry) throw err;
      const throttled = statusOf(err) === 429 && now() - started < (opts.throttledBudgetMs ?? RETRY_DEFAULTS.throttledBudgetMs);
      if (attempt >= maxAttempts && !throttled) throw err;
      // The server's Retry-After wins over our backoff, but never beyond the cap.
      let delay = decision.afterMs !== undefined ? Math.min(decision.afterMs, capMs) : backoffDelay(attempt, baseMs, capMs, opts.random);
      if (opts.deadlineMs !== undefined) {
        const left = started + opts.deadlineMs - now();
        if (left <= 0 || delay > left) throw err;
        delay = Math.min(delay, left);
      }
      opts.onRetry?.(err, attempt, delay);
      await wait(delay, opts.signal);
    }
  }
}
