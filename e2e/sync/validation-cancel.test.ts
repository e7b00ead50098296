// Refusing bad input before any change, cancelling on SIGTERM, and custom resources with CEL health.
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { batchApi, coreApi, objectApi, waitFor, withNamespace } from '../setup/cluster.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import { runCli, runInProcess, writeManifests } from './harness.js';
import { configMap, deployment, hook, job } from './manifests.js';

describe('validation, cancellation and custom resources', () => {
  it('invalid input exits 2 with every error at its file:line and leaves the namespace untouched', () =>
    withNamespace('invalid', async (ns) => {
      const dir = writeManifests({
        'k8s/a-annotation.yaml': configMap('ok', 0).replace('"0"', '"one"'),
        'k8s/b-unknown.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: { name: g }\n',
        'k8s/c-misspelt.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: typo }\ndataa: { x: "1" }\n',
        'k8s/d-noselector.yaml': deployment('web', 0).replace('  selector: { matchLabels: { app: web } }\n', ''),
      });
      // Annotation errors are found before the cluster is asked anything.
      const first = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns]);
      expect(first.code).toBe(2);
      expect(first.stderr).toMatch(/^k8s\/a-annotation\.yaml:\d+: .*sync-wave/m);
      expect(first.stdout).toBe('');

      // With the annotation fixed, the cluster finds the rest, all reported together.
      const dir2 = writeManifests({
        'k8s/b-unknown.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: { name: g }\n',
        'k8s/c-misspelt.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: typo }\ndataa: { x: "1" }\n',
        'k8s/d-noselector.yaml': deployment('web', 0).replace('  selector: { matchLabels: { app: web } }\n', ''),
        'k8s/e-fine.yaml': configMap('fine', 0),
      });
      const second = await runCli(dir2, ['sync', '--manifests', 'k8s', '--namespace', ns, '--output', 'json']);
      expect(second.code).toBe(2);
      expect(resultSchemaErrors(second.json())).toEqual([]);
      const msg = second.json().message as string;
      expect(msg).toMatch(/k8s\/b-unknown\.yaml:1: .*unknown kind Gadget/);
      expect(msg).toMatch(/k8s\/c-misspelt\.yaml:1: .*dataa/);
      expect(msg).toMatch(/k8s\/d-noselector\.yaml:1: .*selector/);
      const cms = (await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata?.name);
      expect(cms).not.toContain('fine');
    }));

  it('Validate=false applies an object with a field the schema does not know, dropping the field', () =>
    withNamespace('novalidate', async (ns) => {
      const dir = writeManifests({
        'k8s/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loose\n  annotations: { argocd.argoproj.io/sync-options: Validate=false }\ndata: { a: "1" }\nextra: { b: "2" }\n',
      });
      const { result } = await runInProcess(dir, ns);
      expect(result.result).toBe('Succeeded');
      const cm = await coreApi().readNamespacedConfigMap({ name: 'loose', namespace: ns });
      expect(cm.data).toEqual({ a: '1' });
    }));

  it('SIGTERM during a long hook deletes the hook, exits 130 and reports Cancelled', () =>
    withNamespace('sigterm', async (ns) => {
      const dir = writeManifests({
        'k8s/hooks.yaml': [job('long', hook('PreSync', 0), { 'wavesync.test/run-for': '120s' }), job('notify', hook('SyncFail', 0))].join('---\n'),
      });
      let sent = false;
      const run = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--output', 'json'], {
        onStderr: (text, child) => {
          if (!sent && /long: (created|configured)/.test(text)) {
            sent = true;
            setTimeout(() => child.kill('SIGTERM'), 1000);
          }
        },
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.json().result).toBe('Cancelled');
      await waitFor(async () => (await batchApi().listNamespacedJob({ namespace: ns })).items.length === 0, { timeoutMs: 30_000, description: 'hook deleted' });
    }));

  it('a CRD and its custom resource in one sync, gated by a CEL health rule', () =>
    withNamespace('crd', async (ns) => {
      const group = `${ns}.example.com`;
      const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.${group} }
spec:
  group: ${group}
  scope: Namespaced
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;
      const cr = `apiVersion: ${group}/v1
kind: Widget
metadata: { name: w1, annotations: { argocd.argoproj.io/sync-wave: "1" } }
spec: { size: 3 }
`;
      const rules = `- apiVersion: ${group}/v1
  kind: Widget
  healthy: "has(self.status) && self.status.phase == 'Ready'"
  degraded: "has(self.status) && self.status.phase == 'Broken'"
`;
      const dir = writeManifests({ 'k8s/widgets.yaml': [cr, crd].join('---\n') });
      // Play the widget's controller: mark it Ready a little after it appears.
      const controller = (async () => {
        await waitFor(
          async () => {
            try {
              await objectApi().read({ apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns } });
              return true;
            } catch {
              return false;
            }
          },
          { timeoutMs: 60_000, description: 'widget created' },
        );
        await new Promise((r) => setTimeout(r, 1500));
        await objectApi().patch(
          { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name: 'w1', namespace: ns }, status: { phase: 'Ready' } },
          undefined,
          undefined,
          'e2e-controller',
          true,
          k8s.PatchStrategy.ServerSideApply,
        );
      })();
      const started = Date.now();
      const { result, events } = await runInProcess(dir, ns, { healthChecks: rules });
      await controller;
      expect(result.result).toBe('Succeeded');
      const widgetHealthy = events.find((e) => e.type === 'task-finished' && e.taskId.includes('Widget'));
      expect(widgetHealthy && widgetHealthy.at - started).toBeGreaterThan(1000);
      await objectApi().delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `widgets.${group}` } });
    }));
});
