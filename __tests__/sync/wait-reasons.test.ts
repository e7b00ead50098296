// Waits that say why: a waiting task's message quotes the Warning events of the object and of what
// it owns; pods that cannot be created for a reason no retry fixes fail fast with that cause.
import { describe, expect, it } from '@jest/globals';
import { deployment, failedCreateEvent, job, planOf } from './fake-controllers.js';
import { run, setup } from './engine-helpers.js';

const HOOK = { 'argocd.argoproj.io/hook': 'PreSync' };

describe('waits that say why', () => {
  it('a Job whose pods cannot be created (missing ServiceAccount) fails fast with the FailedCreate cause', async () => {
    const cluster = await setup();
    const { result } = await run(cluster, planOf(job('migrate', HOOK, { outcome: 'cannot-create' })), { failFastAfterMs: 0, timeoutMs: 30_000 });
    expect(result.result).toBe('Failed');
    expect(result.reason).toBe('HookFailed');
    expect(result.failures[0]).toMatchObject({ name: 'migrate', source: { file: 'k8s/app.yaml' } });
    expect(result.failures[0].message).toMatch(
      /^Job migrate: pods cannot be created: Warning FailedCreate x4 on Job migrate: .*serviceaccount "missing-sa" not found/,
    );
    expect(result.durationMs).toBeLessThan(15_000);
  });

  it('before fail-fast-after has passed, the wait message quotes the event; on timeout it is the last one shown', async () => {
    const cluster = await setup();
    const { result, events } = await run(cluster, planOf(job('migrate', HOOK, { outcome: 'cannot-create' })), { failFastAfterMs: 60_000, timeoutMs: 1_500 });
    expect(result.result).toBe('Failed');
    expect(result.reason).toBe('Timeout');
    const waits = events.flatMap((e) => (e.type === 'task-health' ? [e.message] : []));
    expect(waits.some((m) => m.includes('Warning FailedCreate x4 on Job migrate'))).toBe(true);
    expect(result.failures[0].message).toMatch(/before the sync's timeout \(last status: .*Warning FailedCreate x4 on Job migrate/);
    const task = result.steps[0].tasks[0];
    expect(task.message).toBe(result.failures[0].message);
  });

  it("a Deployment's wait names FailedScheduling on its pods with the count", async () => {
    const cluster = await setup();
    cluster.react('Pod', (p) => {
      if (p.metadata.name?.startsWith('web-'))
        cluster.put({
          ...failedCreateEvent(p, '0/3 nodes are available: 3 Insufficient cpu.', 7),
          metadata: { name: `${p.metadata.name}.sched`, namespace: 'app' },
          reason: 'FailedScheduling',
        });
    });
    // never-ready with a pod: put one pod of the current ReplicaSet by hand once it exists.
    cluster.react('ReplicaSet', (rs) => {
      cluster.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `web-${rs.metadata.name}-p`,
          namespace: 'app',
          labels: { app: 'web', ...(rs.metadata.labels ?? {}) },
          ownerReferences: [{ kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid }],
        },
        status: { phase: 'Pending' },
      });
    });
    const { result } = await run(cluster, planOf(deployment('web', 0, 'never-ready')), { failFastAfterMs: 60_000, timeoutMs: 1_500 });
    expect(result.result).toBe('Failed');
    expect(result.failures[0].message).toMatch(/Warning FailedScheduling x7 on Pod web-web-h1-p: 0\/3 nodes are available/);
  });
});
