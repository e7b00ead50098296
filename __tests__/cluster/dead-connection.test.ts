// Issue 14: kube-apiserver speaks HTTP/2, so one pooled connection carries every request of a run.
// When that connection dies silently (packets dropped, no reset), a request must time out and its
// retry must go out on a fresh connection; before, every retry waited on the dead one and a sync
// under resets hung for more than 600 s.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http2 from 'node:http2';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '../../src/cluster/kubeconfig-model.js';
import { KubeHttp } from '../../src/cluster/kube/http.js';
import { kubeTransport } from '../../src/cluster/kube/transport.js';

let server: http2.Http2SecureServer;
let proxy: net.Server;
let proxyPort = 0;
let ca = '';
/** Client-side sockets of every connection through the proxy, and whether each is black-holed. */
const links: { client: net.Socket; dead: boolean }[] = [];

const listen = (s: net.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as net.AddressInfo).port)));

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-h2-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'].concat([
      '-keyout',
      path.join(dir, 'k.pem'),
      '-out',
      path.join(dir, 'c.pem'),
    ]),
    { stdio: 'ignore' },
  );
  ca = fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
  server = http2.createSecureServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert: ca, allowHTTP1: true }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const serverPort = await listen(server as unknown as net.Server);
  // A TCP proxy whose connections can go dead: bytes stop flowing both ways, nothing is closed.
  proxy = net.createServer((client) => {
    const link = { client, dead: false };
    links.push(link);
    const upstream = net.connect(serverPort, '127.0.0.1');
    client.on('data', (d) => !link.dead && upstream.write(d));
    upstream.on('data', (d) => !link.dead && client.write(d));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  proxyPort = await listen(proxy);
});

afterAll(async () => {
  for (const l of links) l.client.destroy();
  await new Promise((r) => proxy.close(r));
  await new Promise((r) => server.close(r));
});

function kubeconfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `https://127.0.0.1:${proxyPort}`, caData: Buffer.from(ca).toString('base64') }],
    users: [{ name: 'u', token: 'tkn' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

describe('a pooled connection that dies silently', () => {
  it('a timed-out request is retried on a fresh connection, and later requests use it too', async () => {
    const http = new KubeHttp(kubeTransport(kubeconfig()), { requestTimeoutMs: 700, retry: { maxAttempts: 3, baseMs: 10, capMs: 20 } });
    expect(await http.json({ method: 'GET', path: '/api' })).toEqual({ ok: true });
    expect(await http.json({ method: 'GET', path: '/api' })).toEqual({ ok: true });
    expect(links).toHaveLength(1);

    for (const l of links) l.dead = true;
    const started = Date.now();
    expect(await http.json({ method: 'GET', path: '/api' })).toEqual({ ok: true });
    // One timeout on the dead connection, then an answer on a new one (not three timeouts).
    expect(Date.now() - started).toBeLessThan(1_600);
    expect(links).toHaveLength(2);

    const again = Date.now();
    expect(await http.json({ method: 'GET', path: '/api' })).toEqual({ ok: true });
    expect(Date.now() - again).toBeLessThan(500);
    expect(links).toHaveLength(2);
  }, 20_000);
});
