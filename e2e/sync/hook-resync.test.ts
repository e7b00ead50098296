// A named hook kept by BeforeHookCreation from the last sync must not block the next sync whose
// hook changes an immutable field (a Job's pod template, e.g. a new image tag each commit): the
// dry run checks the hook as the new object it will be, since it is deleted before it is created.
import { describe, expect, it } from '@jest/globals';
import { batchApi, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from './harness.js';
import { configMap, hook, job } from './manifests.js';

describe('hooks recreated by BeforeHookCreation', () => {
  it('a second sync with a changed Job template succeeds and creates the hook again', () =>
    withNamespace('hook-resync', async (ns) => {
      const files = (tag: string) => ({
        'k8s/migrate.yaml': job('migrate', hook('PreSync', 0, 'BeforeHookCreation'), { 'wavesync.test/log': `migrate ${tag}` }),
        'k8s/cm.yaml': configMap('app', 0),
      });
      // One app name for both runs (it would default to each temporary directory's name).
      const first = await runCli(writeManifests(files('v1')), ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'resync', '--output', 'json']);
      expect(first.code).toBe(0);
      const uid1 = (await batchApi().readNamespacedJob({ name: 'migrate', namespace: ns })).metadata?.uid;

      const second = await runCli(writeManifests(files('v2')), ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'resync', '--output', 'json']);
      expect({ code: second.code, stderr: second.stderr, message: second.json().message }).toEqual({
        code: 0,
        stderr: expect.any(String),
        message: expect.any(String),
      });
      const live = await batchApi().readNamespacedJob({ name: 'migrate', namespace: ns });
      expect(live.metadata?.uid).not.toBe(uid1);
      expect(live.spec?.template.metadata?.annotations?.['wavesync.test/log']).toBe('migrate v2');
    }));
});
