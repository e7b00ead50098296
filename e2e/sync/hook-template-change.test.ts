// A hook Job keeps its name between releases while its pod template changes (a migration with a
// new image). Its previous Job is still there (BeforeHookCreation keeps the last one, a failed one
// too), and a Job's template is immutable: the dry run must not judge the new hook as an update of
// the old one, since BeforeHookCreation deletes the old one before creating the new one.
import { describe, expect, test } from '@jest/globals';
import { batchApi, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from './harness.js';
import { configMap, hook, job } from './manifests.js';

const release = (migratePod: Record<string, string>) =>
  writeManifests({ 'k8s/app.yaml': [job('migrate', hook('PreSync', -1, 'BeforeHookCreation'), migratePod), configMap('settings', 0)].join('---\n') });

const sync = (dir: string, ns: string) =>
  runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'hooks', '--timeout', '60s', '--output', 'json']);

describe('a BeforeHookCreation hook whose pod template changed', () => {
  test('after a succeeded and after a failed previous run, the next release syncs', () =>
    withNamespace('hook-change', async (ns) => {
      const first = await sync(release({ 'wavesync.test/log': 'release 1' }), ns);
      expect({ code: first.code, stderr: first.stderr.split('\n').filter((l) => /dry run failed/.test(l)) }).toEqual({ code: 0, stderr: [] });

      // A failed migration stays for inspection...
      const failed = await sync(release({ 'wavesync.test/log': 'release 2', 'wavesync.test/outcome': 'fail' }), ns);
      expect({ code: failed.code, reason: failed.json().reason }).toEqual({ code: 1, reason: 'HookFailed' });
      expect((await batchApi().readNamespacedJob({ name: 'migrate', namespace: ns })).status?.failed).toBe(1);

      // ...and does not block the fix: a third template, dry-run as a new Job, then replaced.
      const fixed = await sync(release({ 'wavesync.test/log': 'release 3' }), ns);
      expect({ code: fixed.code, result: fixed.json().result, dryRunErrors: fixed.stderr.split('\n').filter((l) => /dry run failed/.test(l)) }).toEqual({
        code: 0,
        result: 'Succeeded',
        dryRunErrors: [],
      });
      const migrate = await batchApi().readNamespacedJob({ name: 'migrate', namespace: ns });
      expect(migrate.spec?.template.metadata?.annotations?.['wavesync.test/log']).toBe('release 3');
      expect(migrate.status?.succeeded).toBe(1);
    }));
});
