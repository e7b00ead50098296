// No secret in anything the CLI prints: unique markers planted as Secret values (stringData and
// base64 data), a ServiceAccount token and the admin client key in the kubeconfig are searched
// for in every line of output of runs that succeed, fail, are refused as invalid, hit an
// immutable Secret, dry-run, and meet a server that refuses the token or does not answer.
// (The action's outputs, summary, annotations and check run are searched the same way in
// e2e/action/action.test.ts.)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { kubeconfigCredentials } from '../action/secrets.js';
import { adminServer, applyAll, kubeconfigFor, serviceAccountToken } from '../faults/identity.js';
import { coreApi, kubeconfigPath, withNamespace } from '../setup/cluster.js';
import { REPO } from '../sync/harness.js';
import { hook, job } from '../sync/manifests.js';

const MARK = `wsmark${randomBytes(8).toString('hex')}`;

const secret = (name: string, value: string, extra = '') => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "0" }
${extra}stringData:
  password: ${value}
data:
  token: ${Buffer.from(`${value}-b64`).toString('base64')}
`;

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-secrets-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [f, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), t);
  return dir;
}

function cli(cwd: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], { cwd, env: { ...process.env, CI: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('secret markers', () => {
  it(
    'no Secret value, token or client key appears in any output of succeeding, failing and refused runs',
    () =>
      withNamespace('secrets', async (ns) => {
        await applyAll(
          `apiVersion: v1
kind: ServiceAccount
metadata: { name: deployer }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: deployer }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin }
subjects: [{ kind: ServiceAccount, name: deployer, namespace: ${ns} }]
`,
          ns,
        );
        const token = await serviceAccountToken(ns, 'deployer');
        const server = adminServer().url;
        const asToken = kubeconfigFor(server, { name: 'deployer', token });
        const badToken = kubeconfigFor(server, { name: 'deployer', token: `${MARK}badtoken` });
        const nowhere = kubeconfigFor('https://127.0.0.1:9', { name: 'deployer', token });
        const markers = [MARK, Buffer.from(`${MARK}-b64`).toString('base64'), Buffer.from(MARK).toString('base64'), token, ...kubeconfigCredentials()];

        const base = ['--namespace', ns, '--app', 'secrets', '--timeout', '60s'];
        const good = repo({ 's.yaml': secret('app-secret', MARK) });
        const runs: { what: string; code: number | null; out: string; want: number }[] = [];
        const add = async (what: string, dir: string, args: string[], want: number) =>
          runs.push({ what, want, ...(await cli(dir, [...args, ...(args[0] === 'plan' ? base.slice(0, 4) : base)])) });

        await add('sync as a token user', good, ['sync', '--manifests', '.', '--kubeconfig', asToken], 0);
        await add('sync as admin (client key), json', good, ['sync', '--manifests', '.', '--kubeconfig', kubeconfigPath(), '--output', 'json'], 0);
        await add('dry run', repo({ 's.yaml': secret('app-secret', `${MARK}x`) }), ['sync', '--manifests', '.', '--dry-run', '--kubeconfig', asToken], 0);
        await add(
          'dry run, json',
          repo({ 's.yaml': secret('app-secret', `${MARK}x`) }),
          ['sync', '--manifests', '.', '--dry-run', '--kubeconfig', asToken, '--output', 'json'],
          0,
        );
        await add('plan, json', good, ['plan', '--manifests', '.', '--output', 'json'], 0);
        await add(
          'a failing hook',
          repo({
            's.yaml': secret('app-secret', MARK),
            'h.yaml': job('boom', hook('PostSync', 0), { 'wavesync.test/outcome': 'fail', 'wavesync.test/log': 'failing now' }),
          }),
          ['sync', '--manifests', '.', '--kubeconfig', asToken, '--output', 'json'],
          1,
        );
        await add(
          'invalid field',
          repo({ 's.yaml': secret('bad-secret', MARK).replace('stringData:', 'stringDatta:') }),
          ['sync', '--manifests', '.', '--kubeconfig', asToken],
          2,
        );
        await add('invalid YAML', repo({ 's.yaml': `${secret('bad-secret', MARK)}  : [\n` }), ['sync', '--manifests', '.', '--kubeconfig', asToken], 2);
        await add(
          'immutable Secret, created',
          repo({ 's.yaml': secret('frozen', MARK, 'immutable: true\n') }),
          ['sync', '--manifests', '.', '--kubeconfig', asToken],
          0,
        );
        await add(
          'immutable Secret, changed',
          repo({ 's.yaml': secret('frozen', `${MARK}2`, 'immutable: true\n') }),
          ['sync', '--manifests', '.', '--kubeconfig', asToken, '--output', 'json'],
          2,
        );
        await add('a refused token', good, ['sync', '--manifests', '.', '--kubeconfig', badToken], 1);
        await add('no server', good, ['sync', '--manifests', '.', '--kubeconfig', nowhere, '--timeout', '5s'], 1);

        expect(runs.map((r) => ({ what: r.what, code: r.code }))).toEqual(
          runs.map((r) => ({ what: r.what, code: r.want === 1 ? expect.any(Number) : r.want })),
        );
        for (const r of runs.filter((x) => x.want === 1)) expect({ what: r.what, failed: r.code !== 0 }).toEqual({ what: r.what, failed: true });
        const found = runs.flatMap((r) => markers.filter((m) => r.out.includes(m)).map((m) => `${r.what}: ${m.slice(0, 10)}…`));
        expect(found).toEqual([]);
        // The markers did reach the cluster: the search looked for the right thing.
        const live = await coreApi().readNamespacedSecret({ name: 'app-secret', namespace: ns });
        expect(Buffer.from(live.data?.password ?? '', 'base64').toString()).toBe(MARK);
        process.stderr.write(
          `secret markers: ${markers.length} searched in ${runs.length} runs (${runs.reduce((n, r) => n + r.out.split('\n').length, 0)} lines), found ${found.length}\n`,
        );
      }),
    240_000,
  );
});
