// Shapes common in real charts and operator bundles (issue 8): CRDs and their custom resources in
// one wave, cert-manager-like post-install hooks that depend on each other, and a Job whose pods
// cannot be created. On the local control plane.
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { batchApi, coreApi, kubeConfig, objectApi, withNamespace } from '../setup/cluster.js';
import { runCli, runInProcess, writeManifests } from './harness.js';

/** A CRD of a group unique to this test run (CRDs are cluster-scoped and outlive namespaces). */
const crd = (group: string, kind: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.${group}
spec:
  group: ${group}
  scope: Namespaced
  names: { kind: ${kind}, plural: ${kind.toLowerCase()}s, singular: ${kind.toLowerCase()}, listKind: ${kind}List }
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              replicas: { type: integer }
              selector: { type: string }
`;
const resource = (group: string, kind: string, name: string) => `apiVersion: ${group}/v1
kind: ${kind}
metadata: { name: ${name} }
spec: { replicas: 1, selector: "app=${name}" }
`;

async function deleteCrds(names: string[]): Promise<void> {
  const api = kubeConfig().makeApiClient(k8s.ApiextensionsV1Api);
  await Promise.all(names.map((name) => api.deleteCustomResourceDefinition({ name }).catch(() => undefined)));
}

async function countResources(group: string, kind: string, ns: string): Promise<number> {
  const list = await objectApi().list(`${group}/v1`, kind, ns);
  return list.items.length;
}

type Order = 'CRD first' | 'CRD in a later file';
const files = (order: Order, crds: string[], resources: string[]): Record<string, string> =>
  order === 'CRD first'
    ? { 'k8s/bundle.yaml': [...crds, ...resources].join('---\n') }
    : { 'k8s/a-resources.yaml': resources.join('---\n'), 'k8s/z-crds.yaml': crds.join('---\n') };

describe('CRDs and their custom resources in one wave', () => {
  it.each<Order>(['CRD first', 'CRD in a later file'])('a CRD and two custom resources (%s): --dry-run and the sync agree, both succeed', (order) =>
    withNamespace('crd-one-wave', async (ns) => {
      const group = `${ns}.wavesync.test`;
      const dir = writeManifests(files(order, [crd(group, 'Monitor')], [resource(group, 'Monitor', 'alpha'), resource(group, 'Monitor', 'beta')]));
      try {
        const dry = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'e2e', '--output', 'json', '--dry-run']);
        expect({ code: dry.code, result: dry.json().result }).toEqual({ code: 0, result: 'Succeeded' });
        const run = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'e2e', '--output', 'json', '--timeout', '90s']);
        const out = run.json();
        expect({ code: run.code, result: out.result, failures: out.failures }).toEqual({ code: 0, result: 'Succeeded', failures: [] });
        expect(await countResources(group, 'Monitor', ns)).toBe(2);
      } finally {
        await deleteCrds([`monitors.${group}`]);
      }
    }),
  );

  it.each<Order>(['CRD first', 'CRD in a later file'])('ten CRDs and a hundred custom resources (%s)', (order) =>
    withNamespace('crd-ten', async (ns) => {
      const group = `${ns}.wavesync.test`;
      const kinds = Array.from({ length: 10 }, (_, i) => `Thing${String.fromCharCode(97 + i)}`);
      const dir = writeManifests(
        files(
          order,
          kinds.map((k) => crd(group, k)),
          kinds.flatMap((k) => Array.from({ length: 10 }, (_, j) => resource(group, k, `${k.toLowerCase()}-${j}`))),
        ),
      );
      try {
        const started = Date.now();
        const { result, events } = await runInProcess(dir, ns, { timeoutMs: 120_000 });
        const tookMs = Date.now() - started;
        expect(result.failures).toEqual([]);
        expect(result.result).toBe('Succeeded');
        expect(result.steps).toHaveLength(1);
        const counts = await Promise.all(kinds.map((k) => countResources(group, k, ns)));
        expect(counts).toEqual(kinds.map(() => 10));
        const waits = events.filter((e) => e.type === 'info' && e.message.startsWith('waiting for CRD')).length;
        process.stderr.write(`[e2e] 10 CRDs + 100 custom resources (${order}) synced in ${(tookMs / 1000).toFixed(1)}s (${waits} CRD wait(s) reported)\n`);
      } finally {
        await deleteCrds(kinds.map((k) => `${k.toLowerCase()}s.${group}`));
      }
    }),
  );
});

const helmHook = (weight: number) => `    helm.sh/hook: post-install,post-upgrade
    helm.sh/hook-weight: "${weight}"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded`;

/** Shaped like cert-manager's startupapicheck: RBAC hooks at weight -5, the Job using them at 1. */
const certManagerLike = (sa: string) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${sa}
  annotations:
${helmHook(-5)}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${sa}:create-cert
  annotations:
${helmHook(-5)}
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["create"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${sa}:create-cert
  annotations:
${helmHook(-5)}
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: "${sa}:create-cert" }
subjects:
- kind: ServiceAccount
  name: ${sa}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${sa}
  annotations:
${helmHook(1)}
spec:
  backoffLimit: 4
  template:
    metadata:
      labels: { app: ${sa} }
      annotations: { wavesync.test/run-for: "2s" }
    spec:
      restartPolicy: OnFailure
      serviceAccountName: ${sa}
      containers:
      - name: check
        image: quay.io/jetstack/cert-manager-startupapicheck:v1.15.0
        args: ["check", "api", "--wait=1m"]
`;

describe('hooks that depend on each other', () => {
  it('cert-manager-shaped post-install hooks: the ServiceAccount outlives its hook Job; all are deleted once the sync succeeded', () =>
    withNamespace('cert-manager-like', async (ns) => {
      const sa = 'cert-manager-startupapicheck';
      const dir = writeManifests({
        'k8s/app.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cert-manager }\ndata: { a: "1" }\n---\n${certManagerLike(sa)}`,
      });
      const { result, events } = await runInProcess(dir, ns, { timeoutMs: 90_000 });
      expect(result.failures).toEqual([]);
      expect(result.result).toBe('Succeeded');
      const deleted = events.flatMap((e) => (e.type === 'hook-deleted' && e.why === 'HookSucceeded' ? [`${e.kind}/${e.liveName}`] : []));
      expect(deleted.sort()).toEqual([`Job/${sa}`, `Role/${sa}:create-cert`, `RoleBinding/${sa}:create-cert`, `ServiceAccount/${sa}`].sort());
      // Deleted only after the last step finished.
      const lastStep = events.map((e) => e.type === 'step-finished').lastIndexOf(true);
      expect(events.findIndex((e) => e.type === 'hook-deleted' && e.why === 'HookSucceeded')).toBeGreaterThan(lastStep);
      const sas = (await coreApi().listNamespacedServiceAccount({ namespace: ns })).items.map((s) => s.metadata?.name);
      expect(sas).not.toContain(sa);
    }));
});

describe('pods that cannot be created', () => {
  it('a Job referencing a missing ServiceAccount fails fast with the FailedCreate cause, at its file and line', () =>
    withNamespace('missing-sa', async (ns) => {
      const dir = writeManifests({
        'k8s/job.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: before }\ndata: { a: "1" }\n---\napiVersion: batch/v1\nkind: Job\nmetadata: { name: report }\nspec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n      serviceAccountName: does-not-exist\n      containers: [{ name: main, image: busybox:1.36 }]\n`,
      });
      const started = Date.now();
      const run = await runCli(dir, [
        'sync',
        '--manifests',
        'k8s',
        '--namespace',
        ns,
        '--app',
        'e2e',
        '--output',
        'json',
        '--timeout',
        '120s',
        '--fail-fast-after',
        '5s',
      ]);
      const tookMs = Date.now() - started;
      expect(run.code).toBe(1);
      const out = run.json();
      expect(out.failures[0]).toMatchObject({ name: 'report', file: 'k8s/job.yaml', line: 6 });
      expect(out.failures[0].message).toMatch(
        /pods cannot be created: Warning FailedCreate( x\d+)? on Job report: .*serviceaccount "does-not-exist" not found/,
      );
      expect(tookMs).toBeLessThan(60_000);
      expect((await batchApi().readNamespacedJob({ name: 'report', namespace: ns })).status?.active ?? 0).toBe(0);
      process.stderr.write(`[e2e] missing ServiceAccount failed fast in ${(tookMs / 1000).toFixed(1)}s\n`);
    }));
});
