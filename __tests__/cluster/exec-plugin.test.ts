// Exec credential plugins run for real (a small shell script): what they are given, what they
// print, how long their credential is kept, and what the user reads when one fails.
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecCredentials, ExecPluginError, parseCredential, runExecPlugin } from '../../src/cluster/auth/exec-plugin.js';
import type { Cluster } from '../../src/cluster/kubeconfig-model.js';

const dir = mkdtempSync(join(tmpdir(), 'wavesync-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cluster: Cluster = { name: 'c', server: 'https://k8s.example:6443', skipTLSVerify: false, caData: 'Q0E=' };

/** A plugin script that counts its runs, keeps what it was given, and prints `status`. */
function plugin(name: string, status: string, opts: { exit?: number; stderr?: string } = {}): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      `echo run >> "${path}.runs"`,
      `printf '%s' "$KUBERNETES_EXEC_INFO" > "${path}.info"`,
      `printf '%s|%s' "$PLUGIN_REGION" "$1" > "${path}.args"`,
      opts.stderr ? `echo '${opts.stderr}' >&2` : '',
      `cat <<'EOF'\n{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":${status}}\nEOF`,
      `exit ${opts.exit ?? 0}`,
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}
const runs = (path: string) => {
  try {
    return readFileSync(`${path}.runs`, 'utf8').trim().split('\n').length;
  } catch {
    return 0;
  }
};

describe('exec credential plugins', () => {
  it('passes args, env and KUBERNETES_EXEC_INFO (with the cluster when asked), and reads the token', async () => {
    const p = plugin('token', '{"token":"tok-1"}');
    const cred = await runExecPlugin({ command: p, args: ['eu'], env: [{ name: 'PLUGIN_REGION', value: 'west' }], provideClusterInfo: true }, cluster);
    expect(cred).toEqual({ token: 'tok-1', clientCertificateData: undefined, clientKeyData: undefined });
    expect(readFileSync(`${p}.args`, 'utf8')).toBe('west|eu');
    const info = JSON.parse(readFileSync(`${p}.info`, 'utf8'));
    expect(info).toMatchObject({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } });
    expect(info.spec.cluster).toMatchObject({ server: 'https://k8s.example:6443', 'certificate-authority-data': 'Q0E=' });
    const plain = plugin('no-cluster', '{"token":"t"}');
    await runExecPlugin({ command: plain }, cluster);
    expect(JSON.parse(readFileSync(`${plain}.info`, 'utf8')).spec.cluster).toBeUndefined();
  });

  it('keeps a credential until shortly before it expires, and once for concurrent callers', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const p = plugin('expiring', `{"token":"tok","expirationTimestamp":"${soon}"}`);
    let now = Date.now();
    const creds = new ExecCredentials({ command: p }, cluster, () => now);
    await Promise.all([creds.get(), creds.get(), creds.get()]);
    expect(runs(p)).toBe(1);
    now += 30_000;
    await creds.get();
    expect(runs(p)).toBe(1);
    now += 25_000; // within 10 s of expiry
    await creds.get();
    expect(runs(p)).toBe(2);
    creds.forget(); // the server said 401
    await creds.get();
    expect(runs(p)).toBe(3);
  });

  it('a client certificate and key are a credential too', () => {
    expect(parseCredential('{"kind":"ExecCredential","status":{"clientCertificateData":"C","clientKeyData":"K"}}', 'x')).toMatchObject({
      clientCertificateData: 'C',
      clientKeyData: 'K',
    });
  });

  it('failures say which plugin and why, with its stderr, never its stdout', async () => {
    const failing = plugin('failing', '{"token":"leaked-token"}', { exit: 3, stderr: 'error: you must be logged in to the server' });
    await expect(runExecPlugin({ command: failing }, cluster)).rejects.toThrow(
      new ExecPluginError(`exec plugin ${failing} exited with 3: error: you must be logged in to the server`),
    );
    await expect(runExecPlugin({ command: failing }, cluster)).rejects.not.toThrow(/leaked-token/);
    await expect(runExecPlugin({ command: join(dir, 'missing-plugin') }, cluster)).rejects.toThrow(/exec plugin .*missing-plugin was not found on PATH/);
    await expect(runExecPlugin({ command: plugin('empty', '{}') }, cluster)).rejects.toThrow(/gave neither a token nor a client certificate and key/);
    await expect(runExecPlugin({ command: 'gcloud-login', interactiveMode: 'Always' }, cluster)).rejects.toThrow(/cannot answer prompts/);
    expect(() => parseCredential('token=abc', 'p')).toThrow(/did not print an ExecCredential \(its output is not JSON\)/);
    expect(() => parseCredential('{"kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"soon"}}', 'p')).toThrow(/not a time/);
  });

  it('a failure is not kept: the next request runs the plugin again', async () => {
    const p = plugin('flaky', '{"token":"t"}', { exit: 1 });
    const creds = new ExecCredentials({ command: p }, cluster);
    await expect(creds.get()).rejects.toThrow(ExecPluginError);
    await expect(creds.get()).rejects.toThrow(ExecPluginError);
    expect(runs(p)).toBe(2);
  });
});
