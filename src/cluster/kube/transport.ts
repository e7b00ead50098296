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

export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

export function buildUrl(server: string, path: string, query: Query = {}): string {
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url.toString();
}

export function kubeTransport(kc: KubeConfig): Transport {
  const library = new IsomorphicFetchHttpLibrary();
  // client-node builds a new connection pool (undici Agent) for every request, so each request
  // paid a TCP and TLS handshake (issue 13: a 1,000-object re-sync ran at ~80 requests/s). The
  // first pool is kept for the run; credentials in headers (tokens) are still applied per request.
  let dispatcher: unknown;
  return async (req) => {
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
    if (dispatcher === undefined) dispatcher = ctx.getDispatcher();
    else ctx.setDispatcher(dispatcher as NonNullable<ReturnType<RequestContext['getDispatcher']>>);
    let res;
    try {
      res = await library.send(ctx).toPromise();
    } catch (err) {
      // Cancellation and timeouts stay as they are; a failed connection is said in words.
      if (req.signal?.aborted || (err as Error)?.name === 'AbortError') throw err;
      throw new ClusterConnectionError(server, err);
    }
    return {
      status: res.httpStatusCode,
      headers: res.headers,
      // The connection can still drop while the body arrives: say so, like a failed request.
      text: () =>
        res.body.text().catch((err: unknown) => {
          if (req.signal?.aborted || (err as Error)?.name === 'AbortError') throw err;
          throw new ClusterConnectionError(server, err);
        }),
      stream: () => res.body.stream(),
    };
  };
}
