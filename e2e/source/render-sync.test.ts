// Rendered sources synced to the local control plane by the bundled CLI: a kustomize overlay with
// a PreSync hook patched in, and a Helm chart with pre-install/post-install hooks and weights.
// Order follows the annotations; every task points at the user's file; the image override lands.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { appsApi, batchApi, coreApi, kubeconfigPath, withNamespace } from '../setup/cluster.js';
import { HELM_REPO, KUSTOMIZE_REPO } from '../../test/source/fixtures.js';
import { pathWithHelm, writeRepo } from '../../test/source/tools.js';

const REPO = path.resolve(import.meta.dirname ?? '.', '../..');
let PATH = '';
beforeAll(
  () => {
    PATH = pathWithHelm();
  },
  30 * 60 * 1000,
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, args: string[]): Promise<Run> {
  const cluster = args[0] === 'plan' ? [] : ['--kubeconfig', kubeconfigPath()];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args, ...cluster], { cwd, env: { ...process.env, PATH, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Out {
  result: string;
  failures: unknown[];
  steps: { phase: string; wave: number; tasks: { kind: string; name: string; state: string; file: string; line: number }[] }[];
}
const rows = (out: Out) => out.steps.flatMap((s) => s.tasks.map((t) => `${s.phase} ${s.wave} ${t.kind} ${t.name} ${t.state} ${t.file}:${t.line}`));

describe('rendered sources on the local control plane', () => {
  it('kustomize overlay: the patched-in PreSync hook runs first, then the base objects, with the image override; sources are the base files', () =>
    withNamespace('src-kustomize', async (ns) => {
      const dir = writeRepo(KUSTOMIZE_REPO);
      const plan = await cli(dir, ['plan', '--manifests', 'deploy/overlays/prod', '--namespace', ns, '--app', 'shop', '--image', 'registry.example/web:2.0']);
      expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
      expect(plan.stdout).toMatch(/PreSync\n\s+wave 0\n\s+Job\s+\S*prod-migrate.*deploy\/base\/migrate\.yaml:1/);
      expect(plan.stdout).toContain('Images replaced');
      const run = await cli(dir, [
        'sync',
        '--manifests',
        'deploy/overlays/prod',
        '--namespace',
        ns,
        '--app',
        'shop',
        '--image',
        'registry.example/web:2.0',
        '--output',
        'json',
        '--timeout',
        '90s',
      ]);
      const out = JSON.parse(run.stdout) as Out;
      expect({ code: run.code, result: out.result, failures: out.failures }).toEqual({ code: 0, result: 'Succeeded', failures: [] });
      expect(rows(out)).toEqual([
        'PreSync 0 Job prod-migrate Succeeded deploy/base/migrate.yaml:1',
        'Sync 0 ConfigMap prod-web-config Succeeded deploy/base/web.yaml:2',
        'Sync 0 Deployment prod-web Succeeded deploy/base/web.yaml:9',
      ]);
      const deployment = await appsApi().readNamespacedDeployment({ name: 'prod-web', namespace: ns });
      expect(deployment.spec?.template.spec?.containers[0].image).toBe('registry.example/web:2.0');
      expect(Object.keys(deployment.metadata?.annotations ?? {})).not.toContain('config.kubernetes.io/origin');
      const job = await batchApi().readNamespacedJob({ name: 'prod-migrate', namespace: ns });
      expect(job.spec?.template.spec?.containers[0].image).toBe('registry.example/web:2.0');
    }));

  it('Helm chart: pre-install hooks by weight in PreSync, the templates in Sync, the post-install hook in PostSync; sources are the templates', () =>
    withNamespace('src-helm', async (ns) => {
      const dir = writeRepo(HELM_REPO);
      const run = await cli(dir, ['sync', '--manifests', 'charts/shop', '--namespace', ns, '--app', 'shop', '--output', 'json', '--timeout', '90s']);
      const out = JSON.parse(run.stdout) as Out;
      expect({ code: run.code, result: out.result, failures: out.failures }).toEqual({ code: 0, result: 'Succeeded', failures: [] });
      expect(rows(out)).toEqual([
        'PreSync -5 ConfigMap shop-schema-marker Succeeded charts/shop/templates/hooks.yaml:3',
        'PreSync -4 ConfigMap shop-seed-marker Succeeded charts/shop/templates/hooks.yaml:3',
        'Sync 0 ConfigMap shop-config Succeeded charts/shop/templates/config.yaml:1',
        'Sync 0 ConfigMap shop-kube Succeeded charts/shop/templates/config.yaml:9',
        'PostSync 3 Job shop-smoke Succeeded charts/shop/templates/hooks.yaml:13',
      ]);
      // --kube-version came from the cluster.
      const kube = await coreApi().readNamespacedConfigMap({ name: 'shop-kube', namespace: ns });
      expect(kube.data?.version).toMatch(/^v1\.\d+\.\d+/);
      // hook-succeeded: the smoke Job is gone after it succeeded.
      const jobs = (await batchApi().listNamespacedJob({ namespace: ns })).items.map((j) => j.metadata?.name);
      expect(jobs).not.toContain('shop-smoke');
    }));
});
