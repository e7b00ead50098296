// One HTTP request to the API server, authenticated by the kubeconfig (credentials.ts: tokens,
// token files, exec plugins, client certificates), over undici's fetch on one kept connection pool.
import { Agent, fetch, ProxyAgent, type Dispatcher } from 'undici';
import { Credentials, type TlsIdentity } from '../auth/credentials.js';
import type { KubeConfig } from '../kubeconfig-model.js';
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

interface Pool {
  dispatcher: Dispatcher;
  /** The client certificate it was made with: an exec plugin may hand out a new one. */
  cert: string | undefined;
}

function newDispatcher(tls: TlsIdentity, proxyUrl: string | undefined): Dispatcher {
  const connect = { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized, servername: tls.servername };
  if (!proxyUrl) return new Agent({ connect });
  if (!/^https?:/.test(proxyUrl))
    throw new Error(`the kubeconfig's proxy-url ${new URL(proxyUrl).protocol} proxies are not supported; use an http:// or https:// proxy`);
  return new ProxyAgent({ uri: proxyUrl, requestTls: connect });
}

export function kubeTransport(kc: KubeConfig): Transport {
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) throw new Error('the kubeconfig has no current cluster');
  const server = cluster.server;
  const credentials = new Credentials(cluster, kc.getCurrentUser());
  // One pool for the whole run: a new one per request paid a TCP and TLS handshake each time
  // (issue 13: a 1,000-object re-sync ran at ~80 requests/s). kube-apiserver speaks HTTP/2, so
  // that pool is one connection carrying every request and watch: once it is dead (reset, or
  // silently dropping packets) every later request would wait on it until its own timeout, for
  // ever (issue 14: a sync under resets hung > 600 s). A connection failure or a request timeout
  // therefore retires the pool it happened on; the next request opens a fresh connection, and
  // requests still in flight on the old one fail and are retried.
  let pool: Pool | undefined;
  const retire = (used: Pool | undefined) => {
    if (!used || pool !== used) return;
    pool = undefined;
    void used.dispatcher.destroy().catch(() => {});
  };
  const poolFor = (tls: TlsIdentity): Pool => {
    if (pool && pool.cert !== tls.cert) retire(pool);
    pool ??= { dispatcher: newDispatcher(tls, cluster.proxyUrl), cert: tls.cert };
    return pool;
  };
  const timedOut = (signal?: AbortSignal) => signal?.aborted && signal.reason instanceof RequestTimeoutError;
  const send: Transport = async (req) => {
    const auth = await credentials.forRequest();
    const headers: Record<string, string> = { accept: 'application/json', ...auth.headers };
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['content-type'] = req.contentType ?? 'application/json';
      body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    }
    const used = poolFor(auth.tls);
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
      res = await fetch(buildUrl(server, req.path, req.query), { method: req.method, headers, body, signal: req.signal, dispatcher: used.dispatcher });
    } catch (err) {
      return failed(err);
    }
    if (res.status === 401) credentials.refused();
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => (out[name] = value));
    return {
      status: res.status,
      headers: out,
      // The connection can still drop while the body arrives: say so, like a failed request.
      text: () => res.text().catch(failed),
      stream: () => res.body as ReadableStream<Uint8Array> | null,
    };
  };
  // An idle pool left behind outlives the run in a long-lived process (tests run many in one).
  send.close = () => retire(pool);
  return send;
}
