// Release history and rollback on the local control plane through the bundled CLI: a failing sync
// with --rollback-on-failure ends with the previous release live and healthy, the history shows
// every sync, and `wavesync rollback` syncs a stored release again without any manifest.
import { describe, expect, it } from '@jest/globals';
import { appsApi, coreApi, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from '../sync/harness.js';
import { deployment } from '../sync/manifests.js';
import { resultSchemaErrors } from '../../test/result-schema.js';

const release = (greeting: string, pod: Record<string, string> = {}) =>
  writeManifests({
    'k8s/app.yaml': [`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { greeting: ${greeting} }\n`, deployment('web', 1, pod)].join(
      '---\n',
    ),
  });
const greeting = async (ns: string) => (await coreApi().readNamespacedConfigMap({ name: 'settings', namespace: ns })).data?.greeting;
type History = { releases: { number: number; revision: string; result: string; source: string; stored: boolean }[] };

describe('history and rollback on the local control plane', () => {
  it('a failing sync with --rollback-on-failure ends with the previous release live and healthy; history shows both', () =>
    withNamespace('rollback', async (ns) => {
      const common = ['--namespace', ns, '--app', 'shop', '--timeout', '60s', '--fail-fast-after', '2s'];
      expect((await runCli(release('v1'), ['sync', '--manifests', 'k8s', '--revision', 'aaaa1111', ...common])).code).toBe(0);

      const bad = await runCli(release('v2', { 'wavesync.test/outcome': 'crash-loop' }), [
        'sync',
        '--manifests',
        'k8s',
        '--revision',
        'bbbb2222',
        '--rollback-on-failure',
        '--output',
        'json',
        ...common,
      ]);
      expect(bad.code).toBe(1);
      const out = bad.json() as unknown as Record<string, unknown> & { rollback: Record<string, unknown>; message: string };
      expect(resultSchemaErrors(out)).toEqual([]);
      expect(out.result).toBe('Failed');
      expect(out.message).toMatch(/^failed, rolled back to aaaa1111: /);
      expect(out.rollback).toMatchObject({ release: 1, revision: 'aaaa1111', result: 'Succeeded' });
      // The previous release is live and healthy: its ConfigMap data, its pod template, all replicas available.
      expect(await greeting(ns)).toBe('v1');
      const web = await appsApi().readNamespacedDeployment({ name: 'web', namespace: ns });
      expect(web.spec?.template.metadata?.annotations?.['wavesync.test/outcome']).toBeUndefined();
      expect(web.status?.availableReplicas).toBe(2);

      const history = await runCli(release('v1'), ['history', '--namespace', ns, '--app', 'shop', '--output', 'json']);
      expect(history.code).toBe(0);
      const h = history.json() as unknown as History;
      expect(h.releases.map((r) => [r.number, r.revision, r.result, r.stored, r.source])).toEqual([
        [3, 'aaaa1111', 'Succeeded', true, 'rollback to v1'],
        [2, 'bbbb2222', 'Failed', false, 'k8s'],
        [1, 'aaaa1111', 'Succeeded', true, 'k8s'],
      ]);
      const secrets = (await coreApi().listNamespacedSecret({ namespace: ns, labelSelector: 'wavesync.io/app=shop' })).items
        .map((s) => s.metadata!.name)
        .sort();
      expect(secrets).toEqual(['wavesync-shop-v1', 'wavesync-shop-v3']);

      // wavesync rollback --to v1, from an empty directory: nothing is read or rendered.
      const empty = writeManifests({});
      const back = await runCli(empty, ['rollback', '--namespace', ns, '--app', 'shop', '--to', 'v1', '--timeout', '60s']);
      expect(back.code).toBe(0);
      expect(back.stderr).toContain('rolling back app shop to release v1 (aaaa1111');
      const text = await runCli(empty, ['history', '--namespace', ns, '--app', 'shop']);
      expect(text.stdout.split('\n')[1]).toMatch(/^v4\s+aaaa1111\s+\S+\s+Succeeded .*stored\s+rollback to v1$/);
    }));
});
