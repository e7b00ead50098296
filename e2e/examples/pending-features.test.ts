// The examples through the features that are being added, written against the action's inputs as
// action.yml already declares them (renderer, helm-values, mode: delete). Skipped until the
// features land (renderers: issue 11; delete: issue 10): remove the `.skip` after merging them.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { appsApi, batchApi, deleteNamespace, kubeconfigPath, uniqueName, withNamespace } from '../setup/cluster.js';
import { pushEvent, runStep } from '../action/step.js';
import { REPO } from '../sync/harness.js';

const TOKEN = 'ghs_examplesToken0123456789abcdef';
let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await github?.stop();
});

const step = (inputs: Record<string, string>) =>
  runStep({
    workspace: REPO,
    apiUrl: github.url,
    event: pushEvent(),
    inputs: { token: TOKEN, kubeconfig: fs.readFileSync(kubeconfigPath(), 'utf8'), timeout: '90s', 'fail-fast-after': '10s', ...inputs },
  });

const summaryOf = (outputs: Record<string, string>) =>
  JSON.parse(outputs.summary) as { steps: { phase: string; state: string; tasks: { kind: string; name: string }[] }[] };

describe.skip('examples with the renderers (issue 11)', () => {
  test('helm-hooks: renderer helm (and auto) maps the chart hooks to PreSync and PostSync', () =>
    withNamespace('ex-helm-renderer', async (ns) => {
      for (const renderer of ['helm', 'auto']) {
        const r = await step({
          manifests: 'examples/helm-hooks/chart',
          renderer,
          'helm-values': 'examples/helm-hooks/chart/values.yaml',
          namespace: ns,
          app: 'shop',
        });
        expect({ renderer, code: r.code, result: r.outputs.result }).toEqual({ renderer, code: 0, result: 'Succeeded' });
        const ran = summaryOf(r.outputs)
          .steps.filter((s) => s.state !== 'Pending')
          .map((s) => `${s.phase}: ${s.tasks.map((t) => `${t.kind}`).join(',')}`);
        expect(ran).toEqual(['PreSync: ServiceAccount', 'PreSync: Job', 'Sync: Service,Deployment', 'PostSync: Job']);
      }
    }));

  test('kustomize-overlay: renderer kustomize deploys the production overlay', async () => {
    // The overlay names its namespace (catalog-prod); removed afterwards.
    try {
      const r = await step({
        manifests: 'examples/kustomize-overlay/overlays/production',
        renderer: 'kustomize',
        namespace: 'catalog-prod',
        'create-namespace': 'true',
        app: 'catalog',
      });
      expect({ code: r.code, result: r.outputs.result }).toEqual({ code: 0, result: 'Succeeded' });
      const d = await appsApi().readNamespacedDeployment({ name: 'catalog', namespace: 'catalog-prod' });
      expect({ replicas: d.spec?.replicas, image: d.spec?.template.spec?.containers[0].image }).toEqual({ replicas: 3, image: 'nginx:1.27.3-alpine' });
    } finally {
      await deleteNamespace('catalog-prod');
    }
  });
});

describe.skip('examples with mode: delete (issue 10)', () => {
  test('preview-environment: synced on open, torn down on close with its PreDelete hook first', async () => {
    const ns = uniqueName('pr');
    try {
      const up = await step({
        manifests: 'examples/preview-environment/k8s',
        app: 'preview',
        namespace: ns,
        'create-namespace': 'true',
        'check-name': 'preview',
      });
      expect(up.outputs.result).toBe('Succeeded');
      const down = await step({
        mode: 'delete',
        manifests: 'examples/preview-environment/k8s',
        app: 'preview',
        namespace: ns,
        'check-name': 'preview teardown',
      });
      expect({ code: down.code, result: down.outputs.result }).toEqual({ code: 0, result: 'Succeeded' });
      const phases = summaryOf(down.outputs).steps.map((s) => s.phase);
      expect(phases[0]).toBe('PreDelete');
      expect(down.stdout).toContain('archived preview data before teardown');
      await expect(appsApi().readNamespacedDeployment({ name: 'web', namespace: ns })).rejects.toThrow();
      await expect(batchApi().listNamespacedJob({ namespace: ns })).resolves.toBeDefined();
    } finally {
      await deleteNamespace(ns);
    }
  });
});
