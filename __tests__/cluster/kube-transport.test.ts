// The transport through undici's fetch, against a local HTTP server: headers, bodies,
// streamed answers and aborts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '../../src/cluster/kubeconfig-model.js';
import { kubeTransport } from '../../src/cluster/kube/transport.js';
import { readLines } from '../../src/cluster/kube/lines.js';

let server: Server;
let base = '';
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/stream')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"n":1}\n{"n"');
        setTimeout(() => res.write(':2}\n'), 10);
        // Never ends by itself: the client aborts.
        return;
      }
      res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', message: 'slow down' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function kubeconfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: base, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'tkn' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

describe('kubeTransport', () => {
  it('sends method, query, body, content type and the bearer token; returns status and headers', async () => {
    const transport = kubeTransport(kubeconfig());
    const res = await transport({
      method: 'PATCH',
      path: '/api/v1/namespaces/a/configmaps/b',
      query: { fieldManager: 'wavesync', force: true, dryRun: undefined },
      body: { kind: 'ConfigMap' },
      contentType: 'application/apply-patch+yaml',
    });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(JSON.parse(await res.text())).toMatchObject({ message: 'slow down' });
    const req = seen.at(-1)!;
    expect(req.method).toBe('PATCH');
    expect(req.url).toBe('/api/v1/namespaces/a/configmaps/b?fieldManager=wavesync&force=true');
    expect(req.headers['content-type']).toBe('application/apply-patch+yaml');
    expect(req.headers.authorization).toBe('Bearer tkn');
    expect(JSON.parse(req.body)).toEqual({ kind: 'ConfigMap' });
  });

  it('streams an answer line by line until aborted', async () => {
    const transport = kubeTransport(kubeconfig());
    const ac = new AbortController();
    const res = await transport({ method: 'GET', path: '/stream', signal: ac.signal });
    const lines: string[] = [];
    const reading = readLines(res.stream()!, (l) => {
      lines.push(l);
      if (lines.length === 2) ac.abort();
    });
    await expect(reading).rejects.toBeDefined();
    expect(lines).toEqual(['{"n":1}', '{"n":2}']);
  });
});
