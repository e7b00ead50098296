// The engine against the real control plane: the release flow, failures, hooks and gates.
import { describe, expect, it } from '@jest/globals';
import { batchApi, coreApi, withNamespace } from '../setup/cluster.js';
import { recordAdds, runCli, runInProcess, taskOrder, writeManifests } from './harness.js';
import { configMap, deployment, hook, job, seedsFlow, service } from './manifests.js';
import { resultSchemaErrors } from '../../test/result-schema.js';

const names = async (ns: string) => (await batchApi().listNamespacedJob({ namespace: ns })).items.map((j) => j.metadata?.name ?? '').sort();

describe('sync against the local control plane', () => {
  it('runs the seeds release flow in plan order, each wave after the previous is Healthy', () =>
    withNamespace('flow', async (ns) => {
      const dir = writeManifests(seedsFlow());
      const rec = await recordAdds(ns, [
        { path: '/apis/batch/v1/namespaces/{ns}/jobs', kind: 'Job' },
        { path: '/api/v1/namespaces/{ns}/configmaps', kind: 'ConfigMap' },
        { path: '/api/v1/namespaces/{ns}/secrets', kind: 'Secret' },
        { path: '/apis/apps/v1/namespaces/{ns}/deployments', kind: 'Deployment' },
        { path: '/api/v1/namespaces/{ns}/services', kind: 'Service' },
      ]);
      const started = Date.now();
      const { result, events, plan } = await runInProcess(dir, ns);
      const tookMs = Date.now() - started;
      rec.stop();
      expect(result.result).toBe('Succeeded');

      const planned = plan.steps.flatMap((s) => s.tasks.map((t) => `${t.phase}:${t.kind}/${t.name}`));
      expect(taskOrder(events)).toEqual(planned);
      // What the cluster saw being added, in order (kube-root-ca.crt is the namespace's own).
      const seen = rec.adds.filter((a) => a.name !== 'kube-root-ca.crt' && !a.name.startsWith('default-token')).map((a) => `${a.kind}/${a.name}`);
      expect(seen).toEqual(plan.steps.flatMap((s) => s.tasks.map((t) => `${t.kind}/${t.name}`)));

      // Every step starts after every task of the previous one finished Healthy/Succeeded.
      const stepStarts = events.flatMap((e, i) => (e.type === 'step-started' ? [i] : []));
      for (let s = 1; s < stepStarts.length; s++) {
        const prev = events.slice(stepStarts[s - 1], stepStarts[s]).filter((e) => e.type === 'task-finished');
        expect(prev.length).toBeGreaterThan(0);
        for (const f of prev) expect(f.type === 'task-finished' && f.state).toBe('Succeeded');
      }
      // SyncFail never ran; HookSucceeded hooks are gone, BeforeHookCreation ones remain.
      expect(await names(ns)).toEqual(['config-check', 'migrate']);
      process.stderr.write(`[e2e] seeds release flow synced in ${(tookMs / 1000).toFixed(1)}s\n`);
    }));

  it('a failing PreSync migration: no Sync resource, SyncFail runs, exit 1 with the Job, its line and its logs', () =>
    withNamespace('presync-fail', async (ns) => {
      const dir = writeManifests(
        seedsFlow({ migrate: { 'wavesync.test/outcome': 'fail', 'wavesync.test/log': 'applying 0042_add_orders\nERROR: column orders.total does not exist' } }),
      );
      const run = await runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'e2e', '--output', 'json', '--timeout', '90s']);
      expect(run.code).toBe(1);
      const out = run.json();
      expect(out.result).toBe('Failed');
      expect(out.failedPhase).toBe('PreSync');
      expect(resultSchemaErrors(out)).toEqual([]);
      expect(out.failures[0]).toMatchObject({ name: 'migrate', reason: 'HookFailed', file: 'k8s/hooks.yaml', line: expect.any(Number) });
      const cms = (await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata?.name);
      expect(cms).not.toContain('settings');
      // The SyncFail notifier ran, visible in the result (HookSucceeded keeps it: the sync failed).
      const syncFail = (out.steps as { phase: string; tasks: { name: string; state: string }[] }[])
        .filter((s) => s.phase === 'SyncFail')
        .flatMap((s) => s.tasks);
      expect(syncFail).toEqual([expect.objectContaining({ name: 'notify-failure', state: 'Succeeded' })]);
      expect(out.failures[0].logTail).toEqual(['applying 0042_add_orders', 'ERROR: column orders.total does not exist']);
      expect(out.message as string).toMatch(/migrate \(k8s\/hooks\.yaml:\d+\)/);
    }));

  it('a Deployment that never becomes ready: the next wave is never applied, Failed after the timeout, SyncFail ran', () =>
    withNamespace('never-ready', async (ns) => {
      const dir = writeManifests({
        'k8s/app.yaml': [deployment('web', 1, { 'wavesync.test/outcome': 'never-ready' }), service('web', 2), job('notify', hook('SyncFail', 0))].join('---\n'),
      });
      const { result } = await runInProcess(dir, ns, { timeoutMs: 15_000, failFastAfterMs: 60_000 });
      expect(result.result).toBe('Failed');
      expect(result.reason).toBe('Timeout');
      expect((await coreApi().listNamespacedService({ namespace: ns })).items).toHaveLength(0);
      expect(await names(ns)).toEqual(['notify']);
    }));

  it.each([
    ['image-pull-backoff', 'ImagePullBackOff'],
    ['crash-loop', 'CrashLoopBackOff'],
  ])('a %s Deployment fails fast with %s and the pod name', (outcome, reason) =>
    withNamespace(outcome, async (ns) => {
      const dir = writeManifests({
        'k8s/app.yaml': deployment('web', 0, { 'wavesync.test/outcome': outcome }, '  progressDeadlineSeconds: 600\n'),
      });
      const { result } = await runInProcess(dir, ns, { timeoutMs: 120_000, failFastAfterMs: 2_000 });
      expect(result.result).toBe('Failed');
      expect(result.failures[0].message).toContain(reason);
      expect(result.failures[0].message).toMatch(/pod .*web-[a-z0-9]+-[a-z0-9]+/);
      expect(result.durationMs).toBeLessThan(60_000);
    }),
  );

  it('a rollout that fixes a crash-looping Deployment is not failed by the old pods', () =>
    withNamespace('fix-rollout', async (ns) => {
      const broken = writeManifests({ 'k8s/app.yaml': deployment('web', 0, { 'wavesync.test/outcome': 'crash-loop' }) });
      const first = await runInProcess(broken, ns, { failFastAfterMs: 0 });
      expect(first.result.result).toBe('Failed');
      expect(first.result.failures[0].message).toContain('CrashLoopBackOff');
      // The fix: same Deployment, healthy pods. Old pods still crash-loop while it rolls out;
      // with fail-fast-after 0 any stuck pod it judged would fail the sync at once.
      const fixed = writeManifests({ 'k8s/app.yaml': deployment('web', 0) });
      const second = await runInProcess(fixed, ns, { failFastAfterMs: 0 });
      expect(second.result.result).toBe('Succeeded');
    }));

  it('a running hook holds the next wave; a failing sibling lets it finish before SyncFail', () =>
    withNamespace('siblings', async (ns) => {
      const dir = writeManifests({
        'k8s/app.yaml': [
          job('slow', hook('PreSync', 0), { 'wavesync.test/run-for': '4s' }),
          job('broken', hook('PreSync', 0), { 'wavesync.test/outcome': 'fail' }),
          configMap('after', 1),
          job('notify', hook('SyncFail', 0)),
        ].join('---\n'),
      });
      const { result, events } = await runInProcess(dir, ns);
      expect(result.result).toBe('Failed');
      const slowDone = events.findIndex((e) => e.type === 'task-finished' && e.taskId.includes('/slow'));
      const brokenDone = events.findIndex((e) => e.type === 'task-finished' && e.taskId.includes('/broken'));
      const notify = events.findIndex((e) => e.type === 'task-started' && e.liveName === 'notify');
      expect(events[slowDone]).toMatchObject({ state: 'Succeeded' });
      expect(brokenDone).toBeLessThan(slowDone);
      expect(slowDone).toBeLessThan(notify);
      expect((await coreApi().listNamespacedConfigMap({ namespace: ns })).items.map((c) => c.metadata?.name)).not.toContain('after');
    }));

  it('BeforeHookCreation recreates the hook; without it a completed Job is not rerun', () =>
    withNamespace('bhc', async (ns) => {
      const dir = writeManifests({
        'k8s/hooks.yaml': [job('recreated', hook('PreSync', 0, 'BeforeHookCreation')), job('kept', hook('PreSync', 0, 'HookFailed'))].join('---\n'),
      });
      const uids = async () =>
        Object.fromEntries((await batchApi().listNamespacedJob({ namespace: ns })).items.map((j) => [j.metadata?.name, j.metadata?.uid]));
      expect((await runInProcess(dir, ns)).result.result).toBe('Succeeded');
      const first = await uids();
      const second = await runInProcess(dir, ns);
      expect(second.result.result).toBe('Succeeded');
      const after = await uids();
      expect(after.recreated).not.toEqual(first.recreated);
      expect(after.kept).toEqual(first.kept);
    }));

  it('generateName hooks get fresh names each sync', () =>
    withNamespace('genname', async (ns) => {
      const dir = writeManifests({ 'k8s/hooks.yaml': job('smoke-', hook('PostSync', 0, 'BeforeHookCreation'), {}, 'generateName') });
      const a = await runInProcess(dir, ns, { revision: 'aaaaaaa1' });
      await new Promise((r) => setTimeout(r, 1100));
      const b = await runInProcess(dir, ns, { revision: 'bbbbbbb2' });
      expect(a.result.result).toBe('Succeeded');
      expect(b.result.result).toBe('Succeeded');
      const jobs = await names(ns);
      expect(jobs).toHaveLength(2);
      expect(jobs[0]).toMatch(/^smoke-aaaaaaa-postsync-\d+$/);
      expect(jobs[1]).toMatch(/^smoke-bbbbbbb-postsync-\d+$/);
    }));

  it('the final wave is gated: a last-wave Deployment that never becomes ready does not succeed', () =>
    withNamespace('last-wave', async (ns) => {
      const dir = writeManifests({ 'k8s/app.yaml': [configMap('first', 0), deployment('web', 3, { 'wavesync.test/outcome': 'never-ready' })].join('---\n') });
      const { result } = await runInProcess(dir, ns, { timeoutMs: 10_000, failFastAfterMs: 60_000 });
      expect(result.result).toBe('Failed');
      expect(result.failures[0]).toMatchObject({ kind: 'Deployment', name: 'web', reason: 'Timeout' });
    }));
});
