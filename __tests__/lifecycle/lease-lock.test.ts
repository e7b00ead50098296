// SEMANTICS 8: one sync per app. The Lease is taken, waited for (telling who holds it), taken
// over when its holder stopped renewing, and released. On the in-memory cluster, whose replace
// refuses a stale resourceVersion like the API server.
import { describe, expect, it } from '@jest/globals';
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { acquireLock, LockTimeoutError, microTime } from '../../src/cluster/lease-lock.js';

async function cluster(): Promise<MemoryCluster> {
  const c = new MemoryCluster();
  await c.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
  return c;
}
const ref = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: 'app', name: 'wavesync-demo' };
const base = { app: 'demo', namespace: 'app', pollMs: 20 };
const holderOf = async (c: MemoryCluster) => ((await c.get(ref))?.spec as { holderIdentity?: string | null } | undefined)?.holderIdentity ?? null;

describe('Lease lock', () => {
  it('creates the Lease with us as holder and clears the holder on release', async () => {
    const c = await cluster();
    const lock = await acquireLock(c, { ...base, holder: 'run-1', timeoutMs: 1000 });
    expect(lock).not.toBeNull();
    expect(await holderOf(c)).toBe('run-1');
    const spec = (await c.get(ref))!.spec as Record<string, unknown>;
    expect(spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await lock!.release();
    expect(await holderOf(c)).toBeNull();
  });

  it('a second holder waits, told who holds it and since when, then takes it once released', async () => {
    const c = await cluster();
    const first = await acquireLock(c, { ...base, holder: 'run-1', timeoutMs: 1000 });
    const told: string[] = [];
    const second = acquireLock(c, { ...base, holder: 'run-2', timeoutMs: 5000, onWait: (m) => told.push(m) });
    await new Promise((r) => setTimeout(r, 100));
    expect(await holderOf(c)).toBe('run-1');
    await first!.release();
    const got = await second;
    expect(await holderOf(c)).toBe('run-2');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^waiting for the lock: Lease app\/wavesync-demo is held by run-1 since \d{4}-/);
    await got!.release();
  });

  it('fails after lock-timeout naming the holder', async () => {
    const c = await cluster();
    const first = await acquireLock(c, { ...base, holder: 'run-1', timeoutMs: 1000 });
    const t0 = Date.now();
    await expect(acquireLock(c, { ...base, holder: 'run-2', timeoutMs: 200 })).rejects.toThrow(LockTimeoutError);
    await expect(acquireLock(c, { ...base, holder: 'run-2', timeoutMs: 200 })).rejects.toThrow(
      /another sync of app demo is running: Lease app\/wavesync-demo is held by run-1 .*gave up after 0s/,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    await first!.release();
  });

  it('takes over a Lease whose holder stopped renewing (expired)', async () => {
    const c = await cluster();
    const old = Date.now() - 60_000;
    await c.create({
      ...ref,
      metadata: { name: ref.name, namespace: 'app' },
      spec: { holderIdentity: 'dead-run', leaseDurationSeconds: 30, acquireTime: microTime(old), renewTime: microTime(old) },
    });
    const told: string[] = [];
    const lock = await acquireLock(c, { ...base, holder: 'run-2', timeoutMs: 1000, onWait: (m) => told.push(m) });
    expect(await holderOf(c)).toBe('run-2');
    expect(told[0]).toMatch(/took over the lock from dead-run/);
    expect(((await c.get(ref))!.spec as { leaseTransitions: number }).leaseTransitions).toBe(1);
    await lock!.release();
  });

  it('renews while held, so a waiting run does not take it over', async () => {
    const c = await cluster();
    const lock = await acquireLock(c, { ...base, holder: 'run-1', timeoutMs: 1000, leaseDurationSeconds: 0.3 });
    const before = ((await c.get(ref))!.spec as { renewTime: string }).renewTime;
    await expect(acquireLock(c, { ...base, holder: 'run-2', timeoutMs: 700 })).rejects.toThrow(LockTimeoutError);
    expect(((await c.get(ref))!.spec as { renewTime: string }).renewTime).not.toBe(before);
    expect(await holderOf(c)).toBe('run-1');
    await lock!.release({ remove: true });
    expect(await c.get(ref)).toBeNull();
  });

  it('returns null when the namespace does not exist yet', async () => {
    const c = new MemoryCluster();
    expect(await acquireLock(c, { ...base, holder: 'run-1', timeoutMs: 100 })).toBeNull();
  });
});
