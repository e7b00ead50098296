// SEMANTICS 5, delete mode, on the local control plane through the bundled CLI. Order is read
// from watch events: PreDelete before any deletion, PostDelete after every member is gone.
import { describe, expect, it } from '@jest/globals';
import { appsApi, coreApi, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from '../sync/harness.js';
import { configMap, deployment, hook, job } from '../sync/manifests.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import { watchEvents } from './watch-events.js';

const app = [configMap('settings', 0), deployment('web', 1), configMap('late', 2)].join('---\n');
const hooks = (preOutcome?: string) =>
  [
    job('pre-delete', hook('PreDelete', 0), { 'wavesync.test/run-for': '1s', ...(preOutcome ? { 'wavesync.test/outcome': preOutcome } : {}) }),
    job('post-delete', hook('PostDelete', 0), { 'wavesync.test/run-for': '1s' }),
  ].join('---\n');
const cms = async (ns: string) =>
  (await coreApi().listNamespacedConfigMap({ namespace: ns })).items
    .map((c) => c.metadata!.name!)
    .filter((n) => n !== 'kube-root-ca.crt')
    .sort();
const deploys = async (ns: string) => (await appsApi().listNamespacedDeployment({ namespace: ns })).items.map((d) => d.metadata!.name!);
const secrets = async (ns: string) => (await coreApi().listNamespacedSecret({ namespace: ns })).items.map((s) => s.metadata!.name!);

describe('delete mode on the local control plane', () => {
  it('PreDelete runs before anything is deleted, PostDelete after every member is gone, the parent is gone at the end', () =>
    withNamespace('delete', async (ns) => {
      const dir = writeManifests({ 'k8s/app.yaml': app, 'k8s/hooks.yaml': hooks() });
      expect((await runCli(dir, ['sync', '--manifests', 'k8s/app.yaml', '--namespace', ns, '--app', 'preview', '--timeout', '90s'])).code).toBe(0);
      const rec = await watchEvents(ns, [
        { path: '/api/v1/namespaces/{ns}/configmaps', kind: 'ConfigMap' },
        { path: '/apis/apps/v1/namespaces/{ns}/deployments', kind: 'Deployment' },
        { path: '/apis/batch/v1/namespaces/{ns}/jobs', kind: 'Job' },
        { path: '/api/v1/namespaces/{ns}/secrets', kind: 'Secret' },
      ]);
      await new Promise((r) => setTimeout(r, 300));
      const run = await runCli(dir, ['delete', '--manifests', 'k8s/hooks.yaml', '--namespace', ns, '--app', 'preview', '--output', 'json', '--timeout', '90s']);
      rec.stop();
      expect(run.code).toBe(0);
      expect(resultSchemaErrors(run.json())).toEqual([]);
      const seq = rec.events.filter((e) => e.type !== 'MODIFIED' || e.kind === 'Job').map((e) => `${e.type} ${e.kind}/${e.name}`);
      const at = (s: string) => seq.indexOf(s);
      const firstDelete = seq.findIndex((s) => s.startsWith('DELETED ') && !s.includes('Job/'));
      const preAdded = at('ADDED Job/pre-delete');
      expect(preAdded).toBeGreaterThan(-1);
      expect(preAdded).toBeLessThan(firstDelete);
      // The hook had completed (a MODIFIED with its final status) before the first member went.
      const lastPreModified = seq.lastIndexOf('MODIFIED Job/pre-delete');
      expect(lastPreModified).toBeLessThan(firstDelete);
      // Reverse wave order: late (2), web (1), settings (0); PostDelete after all of them.
      expect(at('DELETED ConfigMap/late')).toBeLessThan(at('DELETED Deployment/web'));
      expect(at('DELETED Deployment/web')).toBeLessThan(at('DELETED ConfigMap/settings'));
      expect(at('ADDED Job/post-delete')).toBeGreaterThan(at('DELETED ConfigMap/settings'));
      expect(at('DELETED Secret/wavesync-preview')).toBeGreaterThan(at('ADDED Job/post-delete'));
      expect(await cms(ns)).toEqual([]);
      expect(await deploys(ns)).toEqual([]);
      expect(await secrets(ns)).not.toContain('wavesync-preview');
    }));

  it('a failing PreDelete hook deletes nothing (exit 1)', () =>
    withNamespace('delete-fail', async (ns) => {
      const dir = writeManifests({ 'k8s/app.yaml': app, 'k8s/hooks.yaml': hooks('fail') });
      expect((await runCli(dir, ['sync', '--manifests', 'k8s/app.yaml', '--namespace', ns, '--app', 'preview', '--timeout', '90s'])).code).toBe(0);
      const run = await runCli(dir, ['delete', '--manifests', 'k8s/hooks.yaml', '--namespace', ns, '--app', 'preview', '--output', 'json', '--timeout', '90s']);
      expect(run.code).toBe(1);
      expect(run.json()).toMatchObject({ mode: 'delete', result: 'Failed', failedPhase: 'PreDelete' });
      expect(await cms(ns)).toEqual(['late', 'settings']);
      expect(await deploys(ns)).toEqual(['web']);
      expect(await secrets(ns)).toContain('wavesync-preview');
    }));

  it('without manifests: from the inventory alone, no hook runs', () =>
    withNamespace('delete-inv', async (ns) => {
      const dir = writeManifests({ 'k8s/app.yaml': app });
      expect((await runCli(dir, ['sync', '--manifests', 'k8s/app.yaml', '--namespace', ns, '--app', 'preview', '--timeout', '90s'])).code).toBe(0);
      const run = await runCli(dir, ['delete', '--namespace', ns, '--app', 'preview', '--timeout', '90s']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('no PreDelete or PostDelete hook can run');
      expect(await cms(ns)).toEqual([]);
      expect(await secrets(ns)).not.toContain('wavesync-preview');
    }));
});
