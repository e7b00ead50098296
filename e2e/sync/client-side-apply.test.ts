// An object last written by `kubectl apply` (client-side) keeps its fields owned by kubectl's
// manager, so a server-side apply alone would never remove a key the manifest dropped. wavesync
// moves that ownership first, reading managedFields from its watch cache, which drops them for
// every other object (memory): this guards that the ones the migration needs are kept.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { coreApi, kubeconfigPath, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from './harness.js';

const settings = (data: Record<string, string>) =>
  ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', ...Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`), ''].join('\n');

describe('taking over an object kubectl applied client-side', () => {
  test('a key the manifest dropped is removed on the first sync', () =>
    withNamespace('csa', async (ns) => {
      const dir = writeManifests({ 'k8s/settings.yaml': settings({ kept: 'a', dropped: 'b' }) });
      execFileSync('kubectl', ['--kubeconfig', kubeconfigPath(), 'apply', '-n', ns, '-f', path.join(dir, 'k8s/settings.yaml')], { stdio: 'pipe' });
      const before = await coreApi().readNamespacedConfigMap({ name: 'settings', namespace: ns });
      expect(before.metadata?.managedFields?.map((m) => m.manager)).toContain('kubectl-client-side-apply');

      writeFileSync(path.join(dir, 'k8s/settings.yaml'), settings({ kept: 'a2' }));
      const res = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'csa', '--timeout', '60s', '--output', 'json']);
      expect({ code: res.code, result: res.json().result }).toEqual({ code: 0, result: 'Succeeded' });

      const after = await coreApi().readNamespacedConfigMap({ name: 'settings', namespace: ns });
      expect(after.data).toEqual({ kept: 'a2' });
      expect(after.metadata?.managedFields?.map((m) => m.manager)).not.toContain('kubectl-client-side-apply');
    }));
});
