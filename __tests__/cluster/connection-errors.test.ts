// A kubeconfig pointing where no API server answers: one message naming the server and the cause
// (refused, not resolved, TLS verification, 401/403), never "fetch failed" and never retried when
// no retry can help.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '../../src/cluster/kubeconfig-model.js';
import { createKubeCluster } from '../../src/cluster/kube/adapter.js';
import { loadKubeConfig, KubeconfigError } from '../../src/cluster/kubeconfig.js';

function kubeconfig(server: string, token = 'secret-token-marker'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: server.startsWith('http:') }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

/** What the first real call (discovery) fails with, with two quick retries at most. */
async function failure(kc: KubeConfig): Promise<{ message: string; attempts: number }> {
  let attempts = 0;
  const cluster = createKubeCluster(kc, { retry: { maxAttempts: 3, baseMs: 1, capMs: 2, onRetry: () => attempts++ } });
  try {
    await cluster.resolve('v1', 'ConfigMap');
  } catch (err) {
    return { message: (err as Error).message, attempts: attempts + 1 };
  } finally {
    await cluster.close();
  }
  throw new Error('expected the call to fail');
}

const servers: Server[] = [];
const listen = async (s: Server) => {
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
};
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('connection failures name the server and the cause', () => {
  it('connection refused', async () => {
    const s = createHttpServer();
    const port = await listen(s);
    await new Promise((r) => s.close(r)); // the port is free again: nothing listens there
    const server = `https://127.0.0.1:${port}`;
    const { message } = await failure(kubeconfig(server));
    expect(message).toBe(`cannot reach the Kubernetes API server ${server}: connection refused (nothing listens at that address and port)`);
    expect(message).not.toContain('fetch failed');
  });

  it('a host name that does not resolve, not retried', async () => {
    const server = 'https://wavesync-no-such-host.invalid:6443';
    const { message, attempts } = await failure(kubeconfig(server));
    expect(message).toMatch(
      new RegExp(`^cannot reach the Kubernetes API server ${server.replace(/\./g, '\\.')}: the host name (does not resolve|could not be resolved)`),
    );
    if (message.includes('does not resolve')) expect(attempts).toBe(1);
  });

  it('an answer cut off mid-body is retried, then said in words (not "terminated")', async () => {
    let calls = 0;
    const s = createHttpServer((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"kind":"APIVersions"');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const server = `http://127.0.0.1:${await listen(s)}`;
    const { message, attempts } = await failure(kubeconfig(server));
    expect(message).toMatch(
      new RegExp(`^cannot reach the Kubernetes API server ${server}: the connection (was reset|closed before the whole answer arrived)$`),
    );
    expect(attempts).toBe(3);
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  describe('TLS and credentials', () => {
    let tlsServer = '';
    let httpServer = '';
    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-keyout',
          path.join(dir, 'k.pem'),
          '-out',
          path.join(dir, 'c.pem'),
        ],
        { stdio: 'ignore' },
      );
      const https = createHttpsServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert: fs.readFileSync(path.join(dir, 'c.pem')) }, (_req, res) =>
        res.end('{}'),
      );
      tlsServer = `https://127.0.0.1:${await listen(https)}`;
      fs.rmSync(dir, { recursive: true, force: true });
      const http = createHttpServer((req, res) => {
        const forbidden = req.headers.authorization === 'Bearer secret-token-marker';
        res.writeHead(forbidden ? 403 : 401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            forbidden
              ? { kind: 'Status', code: 403, reason: 'Forbidden', message: `forbidden: User "ci" cannot get path "${req.url}"` }
              : { kind: 'Status', code: 401, reason: 'Unauthorized', message: 'Unauthorized' },
          ),
        );
      });
      httpServer = `http://127.0.0.1:${await listen(http)}`;
    });

    it('a certificate the kubeconfig does not trust: TLS verification failed, not retried', async () => {
      const { message, attempts } = await failure(kubeconfig(tlsServer));
      expect(message).toMatch(new RegExp(`^cannot reach the Kubernetes API server ${tlsServer}: TLS verification failed \\([A-Z_]+\\)`));
      expect(attempts).toBe(1);
    });

    it('401 says the credentials were refused, naming the server and not the token', async () => {
      const { message } = await failure(kubeconfig(httpServer, 'expired-token'));
      expect(message).toBe(
        `the API server ${httpServer} refused the credentials (401 Unauthorized): the kubeconfig's token or client certificate is missing, wrong or expired`,
      );
    });

    it("403 keeps the server's words and says what they mean", async () => {
      const { message } = await failure(kubeconfig(httpServer));
      expect(message).toMatch(/^forbidden: User "ci" cannot get path "\/api[^"]*"/);
      expect(message).toContain(`(403 Forbidden from ${httpServer}: the kubeconfig's user is known but lacks this permission)`);
      expect(message).not.toContain('secret-token-marker');
    });
  });
});

describe('kubeconfig without a usable server URL', () => {
  const file = (text: string) => {
    const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-kc-')), 'config');
    fs.writeFileSync(p, text);
    return p;
  };
  const config = (cluster: string) =>
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: c',
      '  cluster:',
      cluster,
      'users:',
      '- name: u',
      '  user: {token: t}',
      'contexts:',
      '- name: x',
      '  context: {cluster: c, user: u}',
      'current-context: x',
      '',
    ].join('\n');
  const message = (p: string) => {
    try {
      loadKubeConfig({ path: p });
    } catch (err) {
      expect(err).toBeInstanceOf(KubeconfigError);
      return (err as Error).message;
    }
    throw new Error('expected a KubeconfigError');
  };

  it('no server: our message, naming the field and what to put there', () => {
    const p = file(config('    insecure-skip-tls-verify: true'));
    expect(message(p)).toBe(`${p}: clusters[0] has no server URL: set cluster.server to the API server's address, such as https://host:6443`);
  });

  it('a server that is not a URL', () => {
    const p = file(config('    server: "not a url"'));
    expect(message(p)).toBe(`${p}: cluster "c" has server "not a url", which is not an https:// or http:// URL`);
  });
});
