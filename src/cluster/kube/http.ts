// JSON calls to the API server with retries, turning non-2xx answers into ApiError with the
// message of the server's Status object.
import { STATUS_CODES } from 'node:http';
import { ApiError } from '../port.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { RequestTimeoutError, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

/** An ApiError that also remembers the server's Retry-After, for withRetry. */
export class HttpApiError extends ApiError {
  retryAfter?: string;
}

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
}

const TYPED_PATCH_ERROR = /failed to create typed patch object|field not declared in schema/;

/** Build the error for a failed response from its status and body text. */
export function apiErrorFrom(status: number, text: string, headers: Record<string, string> = {}): HttpApiError {
  let body: unknown = text;
  let message = '';
  let reason: string | undefined;
  try {
    body = JSON.parse(text);
    const s = body as StatusBody;
    if (typeof s.message === 'string') message = s.message;
    if (typeof s.reason === 'string') reason = s.reason;
  } catch {
    message = text.trim().slice(0, 500);
  }
  if (!message) message = `${status} ${STATUS_CODES[status] ?? 'error'}`;
  // Server-side apply reports fields the schema does not know as a 500; it is the manifest's
  // fault and retrying cannot help, so it becomes 422 Invalid like other validation errors.
  if (status === 500 && TYPED_PATCH_ERROR.test(message)) {
    status = 422;
    reason = 'Invalid';
  }
  const err = new HttpApiError(status, message, reason, body);
  if (headers['retry-after']) err.retryAfter = headers['retry-after'];
  return err;
}

/** A request that got no answer in time; retried like a dropped connection. */
function requestTimeout(req: HttpRequest, ms: number): Error {
  return Object.assign(new Error(`${req.method} ${req.path}: no answer after ${ms}ms`), { code: 'ETIMEDOUT' });
}

/**
 * Per attempt. The API server answers a JSON call in well under a second, and its own limit is
 * 60 s; 30 s still lets a slow admission webhook (at most 30 s) answer, while a request lost on a
 * dead connection is retried on a fresh one without a minute's wait (issue 14: a 68 s sync tail).
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface KubeHttpOptions {
  retry?: RetryOptions;
  /** Per attempt: the whole answer of a JSON call, or the headers of a stream. */
  requestTimeoutMs?: number;
  /** The server URL, named in messages about credentials. */
  server?: string;
}

/** 401 and RBAC's 403 say what they mean for the user's kubeconfig. */
export function explainAuthError(err: HttpApiError, server: string): HttpApiError {
  if (err.status === 401) {
    err.message = `the API server ${server} refused the credentials (401 Unauthorized): the kubeconfig's token or client certificate is missing, wrong or expired`;
  } else if (err.status === 403 && / cannot [a-z]+ (resource|path) /i.test(err.message)) {
    err.message = `${err.message} (403 Forbidden from ${server}: the kubeconfig's user is known but lacks this permission)`;
  }
  return err;
}

export class KubeHttp {
  private readonly retry: RetryOptions;
  private readonly timeoutMs: number;
  private readonly server: string;

  constructor(
    private readonly transport: Transport,
    opts: KubeHttpOptions = {},
  ) {
    this.retry = opts.retry ?? {};
    this.timeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.server = opts.server ?? 'the cluster';
  }

  /**
   * One attempt under a timer; non-2xx becomes HttpApiError. `read` consumes the body while the
   * timer still runs (JSON calls); streams only time their headers.
   */
  private async attempt<T>(req: HttpRequest, read: (res: HttpResponse) => Promise<T>): Promise<T> {
    const timer = new AbortController();
    const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
    let timedOut = false;
    const handle = setTimeout(() => {
      timedOut = true;
      // The transport retires the connection a request timed out on (it may be dead).
      timer.abort(new RequestTimeoutError(`${req.method} ${req.path}: no answer after ${this.timeoutMs}ms`));
    }, this.timeoutMs);
    try {
      const res = await this.transport({ ...req, signal });
      if (res.status < 200 || res.status >= 300) {
        throw explainAuthError(apiErrorFrom(res.status, await res.text().catch(() => ''), res.headers), this.server);
      }
      return await read(res);
    } catch (err) {
      if (timedOut && !req.signal?.aborted) throw requestTimeout(req, this.timeoutMs);
      throw err;
    } finally {
      clearTimeout(handle);
    }
  }

  /** Open a response (e.g. a stream), retrying transient failures of the request itself. */
  open(req: HttpRequest, opts: { safeOnly?: boolean } = {}): Promise<HttpResponse> {
    return withRetry(() => this.attempt(req, async (res) => res), {
      ...this.retry,
      signal: req.signal,
      safeOnly: opts.safeOnly,
    });
  }

  /** A JSON call; parses the answer. */
  async json<T>(req: HttpRequest, opts: { safeOnly?: boolean } = {}): Promise<T> {
    return withRetry(
      () =>
        this.attempt(req, async (res) => {
          const text = await res.text();
          return (text ? JSON.parse(text) : {}) as T;
        }),
      { ...this.retry, signal: req.signal, safeOnly: opts.safeOnly },
    );
  }

  /** Like json, but null when the server answers 404. */
  async jsonOrNull<T>(req: HttpRequest): Promise<T | null> {
    try {
      return await this.json<T>(req);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }
}
