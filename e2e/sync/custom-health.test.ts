// A CRD in an early wave, then custom resources whose health a rule decides: a Flux-family object
// (wavesync's built-in rule for *.toolkit.fluxcd.io) and a Widget judged by an Argo CD Lua script
// from an argocd-cm ConfigMap. The test plays both controllers by patching their status.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { coreApi, objectApi, waitFor, withNamespace } from '../setup/cluster.js';
import { runInProcess, writeManifests } from './harness.js';
import { configMap } from './manifests.js';

const crd = (group: string, kind: string, plural: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
  annotations: { argocd.argoproj.io/sync-wave: "-1" }
spec:
  group: ${group}
  scope: Namespaced
  names: { kind: ${kind}, plural: ${plural}, singular: ${kind.toLowerCase()}, listKind: ${kind}List }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`;

const resource = (apiVersion: string, kind: string, name: string) => `apiVersion: ${apiVersion}
kind: ${kind}
metadata: { name: ${name}, annotations: { argocd.argoproj.io/sync-wave: "1" } }
spec: { interval: 5m }
`;

const argocdCm = (group: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: argocd-cm, namespace: argocd }
data:
  resource.customizations.health.${group}_Widget: |
    hs = { status = "Progressing", message = "waiting for the widget" }
    if obj.status ~= nil and obj.status.phase == "Done" then
      hs.status = "Healthy"
      hs.message = "widget done"
    elseif obj.status ~= nil and obj.status.phase == "Broken" then
      hs.status = "Degraded"
      hs.message = "widget broken: " .. (obj.status.reason or "?")
    end
    return hs
`;

function setup() {
  const id = randomBytes(3).toString('hex');
  const flux = `e2e${id}.toolkit.fluxcd.io`;
  const shop = `e2e${id}.shop.example.com`;
  const dir = writeManifests({
    'k8s/crds.yaml': [crd(flux, 'Pipeline', 'pipelines'), crd(shop, 'Widget', 'widgets')].join('---\n'),
    'k8s/resources.yaml': [resource(`${flux}/v1`, 'Pipeline', 'build'), resource(`${shop}/v1`, 'Widget', 'blue')].join('---\n'),
    'k8s/after.yaml': configMap('after-widgets', 2),
  });
  return { flux, shop, dir, rules: argocdCm(shop) };
}

async function patchStatus(apiVersion: string, kind: string, name: string, namespace: string, status: Record<string, unknown>): Promise<void> {
  await objectApi().patch(
    { apiVersion, kind, metadata: { name, namespace }, status },
    undefined,
    undefined,
    'e2e-controller',
    true,
    k8s.PatchStrategy.ServerSideApply,
  );
}

async function waitExists(apiVersion: string, kind: string, name: string, namespace: string): Promise<void> {
  await waitFor(
    async () => {
      try {
        await objectApi().read({ apiVersion, kind, metadata: { name, namespace } });
        return true;
      } catch {
        return false;
      }
    },
    { timeoutMs: 60_000, description: `${kind} ${name} created` },
  );
}

async function cleanup(...crdNames: string[]): Promise<void> {
  for (const name of crdNames) {
    await objectApi()
      .delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name } })
      .catch(() => undefined);
  }
}

const ready = (status: string, reason: string, message: string) => ({
  conditions: [{ type: 'Ready', status, reason, message, lastTransitionTime: new Date().toISOString() }],
});

describe('custom resources gated by health rules', () => {
  it('waits for a Flux-family object and a Lua-judged Widget to turn Healthy before the next wave', () =>
    withNamespace('cr-health', async (ns) => {
      const { flux, shop, dir, rules } = setup();
      try {
        let readyAt = 0;
        const controller = (async () => {
          await waitExists(`${shop}/v1`, 'Widget', 'blue', ns);
          await waitExists(`${flux}/v1`, 'Pipeline', 'build', ns);
          await new Promise((r) => setTimeout(r, 2000));
          await patchStatus(`${flux}/v1`, 'Pipeline', 'build', ns, ready('True', 'Succeeded', 'Applied revision: main@sha1:1234'));
          await new Promise((r) => setTimeout(r, 1000));
          readyAt = Date.now();
          await patchStatus(`${shop}/v1`, 'Widget', 'blue', ns, { phase: 'Done' });
        })();
        controller.catch(() => undefined); // awaited below; an early failure is reported first
        const { result, events } = await runInProcess(dir, ns, { healthChecks: rules });
        // A sync that ended early says why here, instead of the controller's wait timing out.
        expect({ result: result.result, message: result.result === 'Succeeded' ? '' : result.message }).toEqual({ result: 'Succeeded', message: '' });
        await controller;
        const finished = (kind: string) => events.find((e) => e.type === 'task-finished' && e.taskId.includes(kind));
        const widget = finished('Widget');
        expect(widget && widget.type === 'task-finished' && widget.message).toBe('widget done');
        // The gate held wave 1 until the last status patch, and only then applied wave 2.
        expect(widget!.at).toBeGreaterThanOrEqual(readyAt);
        const after = events.find((e) => e.type === 'task-started' && e.liveName === 'after-widgets');
        expect(after!.at).toBeGreaterThanOrEqual(widget!.at);
        expect((await coreApi().readNamespacedConfigMap({ name: 'after-widgets', namespace: ns })).metadata?.name).toBe('after-widgets');
      } finally {
        await cleanup(`pipelines.${flux}`, `widgets.${shop}`);
      }
    }));

  it('fails the sync when a rule calls one of them Degraded, and applies nothing after it', () =>
    withNamespace('cr-health-fail', async (ns) => {
      const { flux, shop, dir, rules } = setup();
      try {
        const controller = (async () => {
          await waitExists(`${shop}/v1`, 'Widget', 'blue', ns);
          await waitExists(`${flux}/v1`, 'Pipeline', 'build', ns);
          await new Promise((r) => setTimeout(r, 1500));
          await patchStatus(`${shop}/v1`, 'Widget', 'blue', ns, { phase: 'Done' });
          await patchStatus(`${flux}/v1`, 'Pipeline', 'build', ns, ready('False', 'BuildFailed', 'kustomize build failed: accumulating resources'));
        })();
        const { result } = await runInProcess(dir, ns, { healthChecks: rules, timeoutMs: 60_000 });
        await controller;
        expect(result.result).toBe('Failed');
        expect(result.failures).toEqual([
          expect.objectContaining({ kind: 'Pipeline', name: 'build', reason: 'Degraded', message: expect.stringContaining('BuildFailed') }),
        ]);
        const cms = (await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata?.name);
        expect(cms).not.toContain('after-widgets');
      } finally {
        await cleanup(`pipelines.${flux}`, `widgets.${shop}`);
      }
    }));
});
