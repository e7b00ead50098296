// SEMANTICS 8 on the local control plane: two syncs of one app never interleave; a SIGKILLed
// sync's Lease is taken over once it expires; a whole sync is retried after a failure.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { kubeConfig } from '../setup/cluster.js';
import { coordinationApiLease, coreApi, kubeconfigPath, withNamespace } from './lease-api.js';
import { REPO, runCli, writeManifests } from '../sync/harness.js';
import { configMap, hook, job } from '../sync/manifests.js';
import { runSyncPipeline } from '../../src/pipeline/sync.js';
import type { SyncEvent } from '../../src/sync/events.js';
import type { SyncOptions } from '../../src/pipeline/options.js';

function options(dir: string, ns: string, holder: string, over: Partial<NonNullable<SyncOptions['lifecycle']>> = {}): SyncOptions {
  return {
    manifests: ['k8s'],
    root: dir,
    app: 'locked',
    namespace: ns,
    revision: 'e2e0001',
    mode: 'sync',
    cluster: { path: kubeconfigPath(), env: {}, label: 'e2e' },
    timeoutMs: 90_000,
    waveDelayMs: 0,
    failFastAfterMs: 2_000,
    createNamespace: false,
    healthChecks: {},
    lifecycle: {
      prune: false,
      confirmPrune: false,
      forceAdopt: false,
      holder,
      lockTimeoutMs: 60_000,
      retries: 0,
      retryBackoffMs: 1_000,
      rollbackOnFailure: false,
      historyLimit: 10,
      ...over,
    },
  };
}
const recorder = () => {
  const events: SyncEvent[] = [];
  return { events, reporter: () => ({ finish: async () => {} }), listen: (bus: { on: (l: (e: SyncEvent) => void) => void }) => bus.on((e) => events.push(e)) };
};

describe('one sync per app, and retries', () => {
  it('two syncs started together never interleave: one waits, then runs', () =>
    withNamespace('lock', async (ns) => {
      const dir = writeManifests({ 'k8s/app.yaml': [job('slow', hook('PreSync', 0), { 'wavesync.test/run-for': '3s' }), configMap('cfg', 0)].join('---\n') });
      const runs = ['a', 'b'].map((holder) => {
        const rec = recorder();
        const notices: string[] = [];
        const done = runSyncPipeline(options(dir, ns, `e2e-${holder}`), {
          reporter: (bus) => {
            rec.listen(bus);
            return rec.reporter();
          },
          onNotice: (m) => notices.push(m),
        });
        return { rec, notices, done };
      });
      const results = await Promise.all(runs.map((r) => r.done));
      expect(results.map((r) => r.result?.result)).toEqual(['Succeeded', 'Succeeded']);
      const span = (events: SyncEvent[]) => [events.find((e) => e.type === 'sync-started')!.at, events.find((e) => e.type === 'sync-finished')!.at];
      const [a, b] = runs.map((r) => span(r.rec.events));
      const [first, second] = a[0] < b[0] ? [a, b] : [b, a];
      expect(first[1]).toBeLessThanOrEqual(second[0]);
      const waited = runs.flatMap((r) => r.notices).filter((m) => m.startsWith('waiting for the lock'));
      expect(waited).toHaveLength(1);
      expect(waited[0]).toMatch(/is held by e2e-[ab] since \d{4}-/);
      const lease = await coordinationApiLease(ns, 'wavesync-locked');
      expect(lease?.spec?.holderIdentity ?? null).toBeNull();
    }));

  it(
    'a sync killed with SIGKILL leaves its Lease; a later sync waits, then takes it over once it expires',
    () =>
      withNamespace('lock-kill', async (ns) => {
        const dir = writeManifests({
          'k8s/app.yaml': [job('forever', hook('PreSync', 0), { 'wavesync.test/run-for': '300s' }), configMap('cfg', 0)].join('---\n'),
        });
        const child = spawn(
          process.execPath,
          [path.join(REPO, 'dist/cli.js'), 'sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'killed', '--kubeconfig', kubeconfigPath()],
          { cwd: dir, stdio: 'ignore' },
        );
        for (let i = 0; i < 100 && !(await coordinationApiLease(ns, 'wavesync-killed'))?.spec?.holderIdentity; i++)
          await new Promise((r) => setTimeout(r, 200));
        const held = await coordinationApiLease(ns, 'wavesync-killed');
        expect(held?.spec?.holderIdentity).toMatch(/ pid \d+$/);
        child.kill('SIGKILL');
        const t0 = Date.now();
        const fixed = writeManifests({ 'k8s/app.yaml': configMap('cfg', 0) });
        const run = await runCli(fixed, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'killed', '--lock-timeout', '90s', '--timeout', '60s']);
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/waiting for the lock: Lease .*\/wavesync-killed is held by .* pid \d+ since/);
        expect(run.stderr).toMatch(/took over the lock from .* pid \d+/);
        // Not before the 30 s lease duration ran out since the dead holder's last renewal.
        expect(Date.now() - t0).toBeGreaterThan(15_000);
      }),
    120_000,
  );

  it('a lock not obtained within --lock-timeout fails the run (exit 1, reason Lock), naming the holder; nothing applied', () =>
    withNamespace('lock-timeout', async (ns) => {
      // MicroTime: the server refuses fewer than six fractional digits.
      const now = new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z') as unknown as k8s.V1MicroTime;
      await kubeConfig()
        .makeApiClient(k8s.CoordinationV1Api)
        .createNamespacedLease({
          namespace: ns,
          body: {
            metadata: { name: 'wavesync-busy' },
            spec: { holderIdentity: 'https://github.com/acme/shop/actions/runs/42', leaseDurationSeconds: 300, acquireTime: now, renewTime: now },
          },
        });
      const run = await runCli(writeManifests({ 'k8s/app.yaml': configMap('cfg', 0) }), [
        'sync',
        '--manifests',
        'k8s',
        '--namespace',
        ns,
        '--app',
        'busy',
        '--lock-timeout',
        '3s',
        '--output',
        'json',
      ]);
      expect(run.code).toBe(1);
      const out = run.json();
      expect(out).toMatchObject({ result: 'Failed', reason: 'Lock' });
      expect(String(out.message)).toMatch(
        /^another sync of app busy is running: Lease .*\/wavesync-busy is held by https:\/\/github.com\/acme\/shop\/actions\/runs\/42 since .*gave up after 3s/,
      );
      expect((await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata!.name)).not.toContain('cfg');
    }));

  it('a sync that fails once (its hook cannot start) succeeds on the second attempt with retries: 1', () =>
    withNamespace('retry', async (ns) => {
      // A quota of zero pods: the hook's pod is refused, so attempt 1 fails; the test lifts it then.
      await coreApi().createNamespacedResourceQuota({ namespace: ns, body: { metadata: { name: 'no-pods' }, spec: { hard: { pods: '0' } } } });
      const dir = writeManifests({ 'k8s/app.yaml': [job('migrate', hook('PreSync', 0)), configMap('cfg', 0)].join('---\n') });
      const rec = recorder();
      const run = await runSyncPipeline(options(dir, ns, 'e2e-retry', { retries: 1, retryBackoffMs: 2_000 }), {
        reporter: (bus) => {
          rec.listen(bus);
          bus.on((e) => {
            if (e.type === 'sync-finished' && e.result.result === 'Failed') void coreApi().deleteNamespacedResourceQuota({ name: 'no-pods', namespace: ns });
          });
          return rec.reporter();
        },
      });
      expect(run.result?.result).toBe('Succeeded');
      expect(run.attempts).toHaveLength(1);
      expect(run.result?.attempts?.[0]).toMatchObject({ result: 'Failed' });
      expect(rec.events.filter((e) => e.type === 'sync-started')).toHaveLength(2);
      expect(rec.events.some((e) => e.type === 'warning' && /^attempt 1 of 2 failed .*trying again in 2s/.test(e.message))).toBe(true);
    }));
});
