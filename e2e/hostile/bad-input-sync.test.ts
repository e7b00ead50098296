// Hostile input against a real cluster: the bundled CLI's sync on a sample of the corpus exits 2
// with the file:line message, and the namespace's objects are exactly what they were before.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appsApi, batchApi, coreApi, kubeconfigPath, useNamespace } from '../setup/cluster.js';
import { REPO, runCli, writeManifests } from '../sync/harness.js';

const CORPUS = path.join(REPO, '__tests__/fixtures/hostile/bad');
const VALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: would-be-applied\ndata: {a: "1"}\n';

/** Every object in the namespace wavesync could touch, by kind/name@resourceVersion. */
async function snapshot(ns: string): Promise<string[]> {
  const [cms, secrets, services, sas, deployments, jobs] = await Promise.all([
    coreApi().listNamespacedConfigMap({ namespace: ns }),
    coreApi().listNamespacedSecret({ namespace: ns }),
    coreApi().listNamespacedService({ namespace: ns }),
    coreApi().listNamespacedServiceAccount({ namespace: ns }),
    appsApi().listNamespacedDeployment({ namespace: ns }),
    batchApi().listNamespacedJob({ namespace: ns }),
  ]);
  const show = (kind: string, items: { metadata?: { name?: string; resourceVersion?: string } }[]) =>
    items.map((o) => `${kind}/${o.metadata?.name}@${o.metadata?.resourceVersion}`);
  return [
    ...show('ConfigMap', cms.items),
    ...show('Secret', secrets.items),
    ...show('Service', services.items),
    ...show('ServiceAccount', sas.items),
    ...show('Deployment', deployments.items),
    ...show('Job', jobs.items),
  ].sort();
}

/** The corpus file's expectations (`# expect: LINE: TEXT`), shifted to where the copy puts them. */
function expected(file: string): { line: number; text: string }[] {
  return fs
    .readFileSync(path.join(CORPUS, file), 'latin1')
    .split('\n')
    .map((l) => /^# expect: (\d+): (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ line: Number(m[1]), text: m[2] }));
}

// A spread over the corpus' kinds of problem (the unit test runs all of them through plan).
const SAMPLE = [
  'syntax-unclosed-flow-map.yaml',
  'syntax-duplicate-key.yaml',
  'type-document-is-list.yaml',
  'type-annotation-number.yaml',
  'annotation-00.yaml', // hook Postsync
  'annotation-wave-block-scalar.yaml',
  'dup-same-file.yaml',
  'missing-name.yaml',
  'name-upper.yaml',
  'name-shell-subst.yaml',
  'metadata-namespace-bad.yaml',
  'type-label-number.yaml',
  'rbac-name-slash.yaml',
  'limit-billion-laughs.yaml',
  'limit-deep-flow-200.yaml',
  'bytes-latin1.yaml',
  'bytes-nul.yaml',
];

const ns = useNamespace('hostile');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('sync refuses hostile input and changes nothing', () => {
  it('seeds the namespace with an object that must stay as it is', async () => {
    await coreApi().createNamespacedConfigMap({ namespace: ns.name, body: { metadata: { name: 'already-here' }, data: { keep: 'me' } } });
    expect(await snapshot(ns.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^ConfigMap\/already-here@/)]));
  });

  it.each(SAMPLE)('%s: exit 2, the message at file:line, the namespace unchanged', async (file) => {
    const before = await snapshot(ns.name);
    // The bad file next to a valid object: nothing at all may be applied.
    const dir = writeManifests({ 'k8s/a-valid.yaml': VALID });
    dirs.push(dir);
    fs.copyFileSync(path.join(CORPUS, file), path.join(dir, 'k8s', file));
    const run = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns.name, '--timeout', '30s']);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    for (const e of expected(file)) {
      const at = e.line > 0 ? `k8s/${file}:${e.line}: ` : `k8s/${file}:`;
      expect([e, lines.some((l) => l.startsWith(at) && l.includes(e.text))]).toEqual([e, true]);
    }
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error|fetch failed/);
    expect(await snapshot(ns.name)).toEqual(before);
  });

  it('an unknown kind and a symlink out of the repository: exit 2, nothing applied', async () => {
    const before = await snapshot(ns.name);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'x.yaml'), VALID.replace('would-be-applied', 'from-outside'));
    const dir = writeManifests({ 'k8s/a-valid.yaml': VALID, 'k8s/typo.yaml': 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n' });
    dirs.push(dir);
    const linked = writeManifests({ 'k8s/a-valid.yaml': VALID });
    dirs.push(linked);
    fs.symlinkSync(path.join(outside, 'x.yaml'), path.join(linked, 'k8s/escape.yaml'));

    const unknown = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns.name, '--output', 'json']);
    expect(unknown.code).toBe(2);
    expect(unknown.json().message).toMatch(/k8s\/typo\.yaml:1: unknown kind Deploymnet/);
    const escape = await runCli(linked, ['sync', '--manifests', 'k8s', '--namespace', ns.name]);
    expect(escape.code).toBe(2);
    expect(escape.stderr).toContain('k8s/escape.yaml: leads outside the repository; only files inside it are read');
    expect(await snapshot(ns.name)).toEqual(before);
  });
});

/** The CLI with a kubeconfig of our choosing (the harness always passes the shared one). */
function syncWith(kubeconfig: string, dir: string, namespace: string): Promise<{ code: number | null; stderr: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'dist/cli.js'), 'sync', '--manifests', 'k8s', '--namespace', namespace, '--kubeconfig', kubeconfig, '--timeout', '60s'],
      {
        cwd: dir,
        env: { ...process.env, CI: '1' },
      },
    );
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, output }));
  });
}

describe('kubeconfigs that cannot work', () => {
  const shared = () => fs.readFileSync(kubeconfigPath(), 'utf8');

  it('no server URL: exit 2 with our message, nothing applied', async () => {
    const before = await snapshot(ns.name);
    const dir = writeManifests({ 'k8s/a-valid.yaml': VALID });
    dirs.push(dir);
    const kc = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kc, shared().replace(/^(\s*)server: .*$/m, '$1insecure-skip-tls-verify: true'));
    const r = await syncWith(kc, dir, ns.name);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${kc}: clusters[0] has no server URL`);
    expect(await snapshot(ns.name)).toEqual(before);
  });

  it('a port where nothing listens: one message naming the server and "connection refused", nothing applied', async () => {
    const before = await snapshot(ns.name);
    const dir = writeManifests({ 'k8s/a-valid.yaml': VALID });
    dirs.push(dir);
    const kc = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kc, shared().replace(/^(\s*server: https:\/\/[^:/\s]+):\d+/m, '$1:1023'));
    const r = await syncWith(kc, dir, ns.name);
    // The engine ends the sync as failed (exit 1), not as invalid input.
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/cannot reach the Kubernetes API server https:\/\/[^\s]+:1023: connection refused \(nothing listens at that address and port\)/);
    expect(r.output.match(/cannot reach the Kubernetes API server/g)).toHaveLength(1);
    expect(r.output).not.toMatch(/\n\s+at .+:\d+:\d+|fetch failed/);
    expect(await snapshot(ns.name)).toEqual(before);
  });
});
