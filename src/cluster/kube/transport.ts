// One HTTP request to the API server, authenticated by the kubeconfig. Goes through client-node's
// own fetch (its undici and its TLS/auth dispatcher), so exec plugins, tokens and client certs all work.
import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { ClusterConnectionError } from './connection-error.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface HttpRequest {
  method: Method;
  /** Path below the server URL, starting with "/". */
  path: string;
  query?: Query;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text(): Promise<string>;
  stream(): ReadableStream<Uint8Array> | null;
}

export type Transport = ((req: HttpRequest) => Promise<HttpResponse>) & {
  /** Lets go of the kept connection (the run is over); a later request opens a new one. */
  close?: () => void;
};

export function buildUrl(server: string, path: string, query: Query = {}): string {
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url.toString();
}

/** The abort reason KubeHttp gives a request that got no answer in time (see http.ts). */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

export function kubeTransport(kc: KubeConfig): Transport {
  const library = new IsomorphicFetchHttpLibrary();
  // client-node builds a new connection pool (undici Agent) for every request, so each request
  // paid a TCP and TLS handshake (issue 13: a 1,000-object re-sync ran at ~80 requests/s). The
  // first pool is kept for the run; credentials in headers (tokens) are still applied per request.
  // kube-apiserver speaks HTTP/2, so that pool is one connection carrying every request and watch:
  // once it is dead (reset, or silently dropping packets) every later request would wait on it
  // until its own timeout, for ever (issue 14: a sync under resets hung > 600 s). A connection
  // failure or a request timeout therefore retires the pool it happened on; the next request
  // opens a fresh connection, and requests still in flight on the old one fail and are retried.
  let pool: { dispatcher: Dispatcher } | undefined;
  const retire = (used: { dispatcher: Dispatcher } | undefined) => {
    if (!used || pool !== used) return;
    pool = undefined;
    void (used.dispatcher as { destroy?: () => Promise<void> }).destroy?.().catch(() => {});
  };
  const timedOut = (signal?: AbortSignal) => signal?.aborted && signal.reason instanceof RequestTimeoutError;
  const send: Transport = async (req) => {
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new Error('the kubeconfig has no current cluster');
    const ctx = new RequestContext(buildUrl(server, req.path, req.query), HttpMethod[req.method]);
    ctx.setHeaderParam('Accept', 'application/json');
    if (req.body !== undefined) {
      ctx.setHeaderParam('Content-Type', req.contentType ?? 'application/json');
      ctx.setBody(typeof req.body === 'string' ? req.body : JSON.stringify(req.body));
    }
    if (req.signal) ctx.setSignal(req.signal);
    await kc.applySecurityAuthentication(ctx);
    if (pool === undefined) {
      const fresh = ctx.getDispatcher();
      if (fresh) pool = { dispatcher: fresh };
    } else ctx.setDispatcher(pool.dispatcher);
    const used = pool;
    // Cancellation stays as it is; a timeout retires the connection; a failed one is said in words.
    const failed = (err: unknown): never => {
      if (timedOut(req.signal)) {
        retire(used);
        throw err;
      }
      if (req.signal?.aborted || (err as Error)?.name === 'AbortError') throw err;
      retire(used);
      throw new ClusterConnectionError(server, err);
    };
    let res;
    try {
      res = await library.send(ctx).toPromise();
    } catch (err) {
      return failed(err);
    }
    return {
      status: res.httpStatusCode,
      headers: res.headers,
      // The connection can still drop while the body arrives: say so, like a failed request.
      text: () => res.body.text().catch(failed),
      stream: () => res.body.stream(),
    };
  };
  // An idle pool left behind outlives the run in a long-lived process (tests run many in one).
  send.close = () => retire(pool);
  return send;
}
