// Who a request says it is, end to end: a kubeconfig file (relative paths, merged files) loaded by
// our own model, its user's credentials, and the transport against a local TLS server that asks
// for a client certificate and records the Authorization header.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { Credentials, CredentialsError } from '../../src/cluster/auth/credentials.js';
import { kubeTransport } from '../../src/cluster/kube/transport.js';
import { loadKubeConfig } from '../../src/cluster/kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'wavesync-creds-'));
let server: https.Server;
let port = 0;
const seen: { authorization?: string; impersonate?: string; clientCN?: string }[] = [];
/** Each Bearer token the server refuses with 401. */
const refused = new Set<string>();

const pem = (name: string) => readFileSync(join(dir, name), 'utf8');
const b64 = (name: string) => Buffer.from(pem(name)).toString('base64');

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

beforeAll(async () => {
  // A CA, the server's certificate for 127.0.0.1, and two client certificates it signed.
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test-ca', '-keyout', 'ca.key', '-out', 'ca.crt');
  for (const [name, subj, ext] of [
    ['server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1'],
    ['alice', '/CN=alice', ''],
    ['robot', '/CN=robot', ''],
  ]) {
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subj, '-keyout', `${name}.key`, '-out', `${name}.csr`);
    if (ext) writeFileSync(join(dir, `${name}.ext`), ext);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-out',
      `${name}.crt`,
      ...(ext ? ['-extfile', `${name}.ext`] : []),
    );
  }
  server = https.createServer(
    { key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const authorization = req.headers.authorization;
      seen.push({ authorization, impersonate: req.headers['impersonate-user'] as string | undefined, clientCN: peer?.subject?.CN as string | undefined });
      const bearer = authorization?.replace(/^Bearer /, '');
      res.writeHead(bearer && refused.has(bearer) ? 401 : 200, { 'content-type': 'application/json' });
      res.end('{}');
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a kubeconfig into its own folder (so relative paths resolve there) and loads it. */
function config(name: string, user: string, cluster = `certificate-authority: ../ca.crt`) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'config');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:${port}
    ${cluster}
users:
- name: u
  user:
${user
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
contexts:
- name: ctx
  context: { cluster: local, user: u, namespace: team }
current-context: ctx
`,
  );
  return loadKubeConfig({ path });
}

async function call(kc: ReturnType<typeof loadKubeConfig>) {
  const transport = kubeTransport(kc);
  try {
    const res = await transport({ method: 'GET', path: '/api' });
    await res.text();
    return { status: res.status, ...seen.at(-1)! };
  } finally {
    transport.close?.();
  }
}

describe('credentials from a kubeconfig', () => {
  it('client certificate and key from files relative to the kubeconfig, CA from a file', async () => {
    expect(await call(config('cert-files', 'client-certificate: ../alice.crt\nclient-key: ../alice.key'))).toMatchObject({
      status: 200,
      clientCN: 'alice',
      authorization: undefined,
    });
  });

  it('inline certificate data, bearer token and impersonation', async () => {
    const kc = config(
      'inline',
      `client-certificate-data: ${b64('robot.crt')}\nclient-key-data: ${b64('robot.key')}\ntoken: tok-inline\nas: bob`,
      `certificate-authority-data: ${b64('ca.crt')}`,
    );
    expect(await call(kc)).toMatchObject({ status: 200, clientCN: 'robot', authorization: 'Bearer tok-inline', impersonate: 'bob' });
  });

  it('a token file is read (and trimmed), basic auth when there is no token', async () => {
    writeFileSync(join(dir, 'sa-token'), 'tok-from-file\n');
    expect(await call(config('token-file', 'tokenFile: ../sa-token'))).toMatchObject({ authorization: 'Bearer tok-from-file' });
    expect(await call(config('basic', 'username: admin\npassword: s3cret'))).toMatchObject({
      authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}`,
    });
  });

  it('a token file is read again after a minute (a projected token rotates)', async () => {
    writeFileSync(join(dir, 'rotating-token'), 'first');
    const kc = config('rotating', `tokenFile: ${join(dir, 'rotating-token')}`);
    let now = 0;
    const creds = new Credentials(kc.getCurrentCluster()!, kc.getCurrentUser(), () => now);
    expect((await creds.forRequest()).headers.authorization).toBe('Bearer first');
    writeFileSync(join(dir, 'rotating-token'), 'second');
    now = 30_000;
    expect((await creds.forRequest()).headers.authorization).toBe('Bearer first');
    now = 61_000;
    expect((await creds.forRequest()).headers.authorization).toBe('Bearer second');
  });

  it('an exec plugin gives a token; a 401 makes the next request run it again', async () => {
    const script = join(dir, 'plugin.sh');
    writeFileSync(
      script,
      `#!/bin/sh\necho x >> "${script}.runs"\nn=$(wc -l < "${script}.runs" | tr -d ' ')\necho "{\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"exec-$n\\"}}"\n`,
    );
    chmodSync(script, 0o755);
    const kc = config('exec', `exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: ../plugin.sh\n  interactiveMode: Never`);
    refused.add('exec-1');
    const transport = kubeTransport(kc);
    try {
      const first = await transport({ method: 'GET', path: '/api' });
      expect(first.status).toBe(401);
      const second = await transport({ method: 'GET', path: '/api' });
      expect(second.status).toBe(200);
      expect(seen.at(-1)?.authorization).toBe('Bearer exec-2');
    } finally {
      transport.close?.();
    }
  });

  it('an exec plugin may give a client certificate instead', async () => {
    const script = join(dir, 'cert-plugin.sh');
    const status = JSON.stringify({ clientCertificateData: pem('alice.crt'), clientKeyData: pem('alice.key') });
    writeFileSync(script, `#!/bin/sh\ncat <<'EOF'\n{"kind":"ExecCredential","status":${status}}\nEOF\n`);
    chmodSync(script, 0o755);
    expect(await call(config('exec-cert', `exec:\n  command: ${script}`))).toMatchObject({ status: 200, clientCN: 'alice', authorization: undefined });
  });

  it('the server certificate is checked against the CA; insecure-skip-tls-verify turns that off', async () => {
    const wrongCa = config('no-ca', 'token: t', 'tls-server-name: localhost');
    await expect(call(wrongCa)).rejects.toThrow(/cannot reach the cluster|certificate/i);
    expect(await call(config('skip', 'token: t', 'insecure-skip-tls-verify: true'))).toMatchObject({ status: 200 });
  });

  it('what cannot be used is said at once, naming the entry and never a value', () => {
    expect(() => kubeTransport(config('half-cert', `client-certificate-data: ${b64('alice.crt')}`))).toThrow(
      new CredentialsError('user "u" has a client certificate without its key, or a key without its certificate'),
    );
    expect(() => kubeTransport(config('missing-key-file', 'client-certificate: ../alice.crt\nclient-key: ../nope.key'))).toThrow(
      /cannot read the client-key file .*nope\.key: ENOENT/,
    );
    expect(() => kubeTransport(config('gcp', 'auth-provider:\n  name: gcp\n  config: { cmd-path: gcloud }'))).toThrow(
      /auth-provider "gcp", which wavesync does not run .*use its exec plugin/,
    );
    // A legacy provider's cached token is still used as it is.
    const oidc = config('oidc', 'auth-provider:\n  name: oidc\n  config: { id-token: cached-id-token, client-id: x }');
    return expect(new Credentials(oidc.getCurrentCluster()!, oidc.getCurrentUser()).forRequest()).resolves.toMatchObject({
      headers: { authorization: 'Bearer cached-id-token' },
    });
  });
});
