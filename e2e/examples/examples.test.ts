// Every example of examples/ synced on the local control plane, as its README says it behaves.
// (release-flow is the demo's: e2e/demo/demo.test.ts; fleet needs two clusters: fleet.test.ts.)
// helm-hooks and kustomize-overlay are rendered here with helm and kubectl, as their READMEs show
// for now; the renderer inputs have their own tests once they land.
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { appsApi, batchApi, coreApi, withNamespace } from '../setup/cluster.js';
import { REPO } from '../sync/harness.js';
import { copyExample, helmBinary, order, renderedRepo, syncExample } from './helpers.js';

const jobExists = async (namespace: string, name: string) =>
  batchApi()
    .readNamespacedJob({ name, namespace })
    .then(
      () => true,
      () => false,
    );

async function backupSecrets(namespace: string) {
  const secrets: Record<string, Record<string, string>> = {
    'orders-db': { url: 'postgres://orders@db:5432/orders' },
    'orders-backup-bucket': { bucket: 'orders-backups', AWS_REGION: 'eu-west-1' },
  };
  for (const [name, data] of Object.entries(secrets)) {
    await coreApi().createNamespacedSecret({ namespace, body: { metadata: { name }, stringData: data } });
  }
}

describe('examples/backup-before-migrate', () => {
  test('backup, then migration, then the app; the backup Job is deleted after the good sync', () =>
    withNamespace('ex-backup', async (ns) => {
      await backupSecrets(ns);
      const r = await syncExample('examples/backup-before-migrate/k8s', ns, { app: 'orders' });
      expect({ code: r.code, result: r.result.result }).toEqual({ code: 0, result: 'Succeeded' });
      expect(order(r.result)).toEqual(['PreSync -2: Job/db-backup', 'PreSync -1: Job/db-migrate', 'Sync 0: Service/orders', 'Sync 0: Deployment/orders']);
      expect(await jobExists(ns, 'db-backup')).toBe(false); // HookSucceeded
      expect(await jobExists(ns, 'db-migrate')).toBe(true); // BeforeHookCreation only: kept for its log
      expect(await jobExists(ns, 'restore-hint')).toBe(false); // SyncFail did not run
    }));

  test('a failed backup: the migration never runs, the app is not applied, restore-hint runs', () =>
    withNamespace('ex-backup-fail', async (ns) => {
      await backupSecrets(ns);
      const repo = copyExample('examples/backup-before-migrate/k8s', (f, t) =>
        f === '00-backup.yaml' ? t.replace('wavesync.test/run-for: 2s', 'wavesync.test/outcome: fail') : t,
      );
      const r = await syncExample('.', ns, { cwd: repo, app: 'orders' });
      expect({ code: r.code, result: r.result.result, phase: r.result.failedPhase }).toEqual({ code: 1, result: 'Failed', phase: 'PreSync' });
      expect(r.result.failures.map((f) => `${f.name} ${f.file}:${f.line}`)).toEqual(['db-backup 00-backup.yaml:3']);
      expect(await jobExists(ns, 'db-migrate')).toBe(false);
      await expect(appsApi().readNamespacedDeployment({ name: 'orders', namespace: ns })).rejects.toThrow();
      const hint = await batchApi().readNamespacedJob({ name: 'restore-hint', namespace: ns });
      expect(hint.status?.succeeded).toBe(1);
    }));
});

describe('examples/rollback-on-failure', () => {
  test('v1, then v2 that cannot pull its image fails fast, then v1 again is healthy', () =>
    withNamespace('ex-rollback', async (ns) => {
      const v1 = await syncExample('examples/rollback-on-failure/k8s', ns, { app: 'web' });
      expect(v1.result.result).toBe('Succeeded');

      // The kwok stand-in for an image that does not exist.
      const v2repo = copyExample('examples/rollback-on-failure/k8s', (f, t) =>
        f === 'deployment.yaml'
          ? t
              .replace('image: nginx:1.27-alpine', 'image: registry.invalid/web:2')
              .replace('        app: web\n    spec:', '        app: web\n      annotations:\n        wavesync.test/outcome: image-pull-backoff\n    spec:')
          : t,
      );
      const v2 = await syncExample('.', ns, { cwd: v2repo, app: 'web' });
      expect({ code: v2.code, result: v2.result.result, failed: v2.result.failures.map((f) => `${f.kind}/${f.name}`) }).toEqual({
        code: 1,
        result: 'Failed',
        failed: ['Deployment/web'],
      });
      expect(v2.result.failures[0].message).toMatch(/ImagePullBackOff/);

      const back = await syncExample('examples/rollback-on-failure/k8s', ns, { app: 'web' });
      expect(back.result.result).toBe('Succeeded');
      const web = await appsApi().readNamespacedDeployment({ name: 'web', namespace: ns });
      expect(web.spec?.template.spec?.containers[0].image).toBe('nginx:1.27-alpine');
      expect(web.status?.availableReplicas).toBe(2);
    }));
});

describe('examples/preview-environment', () => {
  test('the sync half: config, then the app, then the seed hook; the PreDelete hook does not run in a sync', () =>
    withNamespace('ex-preview', async (ns) => {
      const r = await syncExample('examples/preview-environment/k8s', ns, { app: 'preview' });
      expect(r.result.result).toBe('Succeeded');
      expect(order(r.result)).toEqual(['Sync 0: ConfigMap/preview-config', 'Sync 1: Service/web', 'Sync 1: Deployment/web', 'PostSync 0: Job/seed-data-*']);
      expect(await jobExists(ns, 'archive-preview')).toBe(false);
    }));
});

describe('examples/helm-hooks (rendered with helm template)', () => {
  test('Helm hooks become PreSync and PostSync in weight order; the test hook is left out with a warning', () =>
    withNamespace('ex-helm', async (ns) => {
      const rendered = execFileSync(helmBinary(), ['template', 'shop', path.join(REPO, 'examples/helm-hooks/chart'), '--namespace', ns], { encoding: 'utf8' });
      const repo = renderedRepo('shop.yaml', rendered);
      const r = await syncExample('.', ns, { cwd: repo, app: 'shop' });
      expect(r.result.result).toBe('Succeeded');
      expect(order(r.result)).toEqual([
        'PreSync -10: ServiceAccount/shop-migrate',
        'PreSync -5: Job/shop-migrate',
        'Sync 0: Service/shop-web',
        'Sync 0: Deployment/shop-web',
        'PostSync 0: Job/shop-smoke',
      ]);
      // The test hook is left out, with a warning at its line, in the sync's output and in the plan.
      expect(r.stderr).toMatch(/warning: shop\.yaml:\d+: Pod shop-test: Helm hook "test" has no Argo CD equivalent; the object is left out/);
      const plan = JSON.parse(
        execFileSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'plan', '--manifests', '.', '--output', 'json'], { cwd: repo, encoding: 'utf8' }),
      );
      expect(plan.skipped.map((o: { kind: string; name: string; source: { line: number } }) => `${o.kind}/${o.name}`)).toEqual(['Pod/shop-test']);
      expect(plan.warnings[0].message).toBe('Pod shop-test: Helm hook "test" has no Argo CD equivalent; the object is left out');
      // hook-succeeded: deleted once the whole sync succeeded.
      expect(await jobExists(ns, 'shop-migrate')).toBe(true); // before-hook-creation only
      expect(await jobExists(ns, 'shop-smoke')).toBe(false);
    }));
});

describe('examples/kustomize-overlay (rendered with kubectl kustomize)', () => {
  test('the production overlay: migration first, 3 replicas with the overlay image, the Service last', () =>
    withNamespace('ex-kustomize', async (ns) => {
      const rendered = execFileSync('kubectl', ['kustomize', path.join(REPO, 'examples/kustomize-overlay/overlays/production')], {
        encoding: 'utf8',
      }).replaceAll('namespace: catalog-prod', `namespace: ${ns}`);
      const r = await syncExample('.', ns, { cwd: renderedRepo('catalog.yaml', rendered), app: 'catalog' });
      expect(r.result.result).toBe('Succeeded');
      expect(order(r.result).map((s) => s.replace(/catalog-config-[a-z0-9]+$/, 'catalog-config-<hash>'))).toEqual([
        'PreSync 0: Job/catalog-migrate',
        'Sync 0: ConfigMap/catalog-config-<hash>',
        'Sync 1: Deployment/catalog',
        'Sync 2: Service/catalog',
      ]);
      const d = await appsApi().readNamespacedDeployment({ name: 'catalog', namespace: ns });
      expect({ replicas: d.status?.availableReplicas, image: d.spec?.template.spec?.containers[0].image }).toEqual({
        replicas: 3,
        image: 'nginx:1.27.3-alpine',
      });
    }));
});
