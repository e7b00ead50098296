// Release history: entries newest first, rollback targets, release Secrets compressed, and the
// 1 MiB limit of a Secret said in words (the big release generated here, never committed).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { nextNumber, readHistory, rollbackTarget, withHistory, type HistoryEntry } from '../../src/cluster/history/history.js';
import { loadRelease, pruneReleases, releaseName, storeRelease } from '../../src/cluster/history/releases.js';
import { historyText } from '../../src/cli/history-command.js';

const entry = (number: number, result: string, stored: boolean, revision = `rev${number}aaaa`): HistoryEntry => ({
  number,
  revision,
  source: 'k8s/',
  startedAt: '2026-12-07T12:00:00.000Z',
  result,
  reason: result === 'Succeeded' ? null : 'HookFailed',
  message: '',
  counts: { tasks: 3, pruned: 0, failed: result === 'Succeeded' ? 0 : 1 },
  durationMs: 1500,
  stored,
});

async function cluster(): Promise<MemoryCluster> {
  const c = new MemoryCluster();
  await c.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
  return c;
}

describe('history entries', () => {
  it('round-trip through the parent data, numbered from 1', () => {
    const list = [entry(2, 'Failed', false), entry(1, 'Succeeded', true)];
    expect(readHistory(withHistory({ other: 'eA==' }, list))).toEqual(list);
    expect(readHistory({})).toEqual([]);
    expect(nextNumber([])).toBe(1);
    expect(nextNumber(list)).toBe(3);
  });

  it('roll back to the newest stored success older than the newest entry, or to what --to names', () => {
    const afterFailure = [entry(3, 'Failed', false), entry(2, 'Succeeded', true), entry(1, 'Succeeded', true)];
    expect(rollbackTarget(afterFailure)?.number).toBe(2);
    const afterSuccess = [entry(3, 'Succeeded', true), entry(2, 'Failed', false), entry(1, 'Succeeded', true)];
    expect(rollbackTarget(afterSuccess)?.number).toBe(1);
    expect(rollbackTarget(afterSuccess, 'v3')?.number).toBe(3);
    expect(rollbackTarget(afterSuccess, 'rev1a')?.number).toBe(1);
    expect(rollbackTarget(afterSuccess, 'v2')).toBeNull();
    expect(rollbackTarget([entry(1, 'Succeeded', false)])).toBeNull();
  });

  it('prints a table, newest first', () => {
    const text = historyText('shop', [entry(2, 'Failed', false), entry(1, 'Succeeded', true)]);
    expect(text.split('\n')[0]).toMatch(/^RELEASE\s+REVISION\s+STARTED\s+RESULT/);
    expect(text).toMatch(/v2\s+rev2aaaa\s+2026-12-07T12:00:00Z\s+Failed \(HookFailed\)\s+3 task\(s\), 1 failed\s+1.5s\s+-/);
    expect(text).toMatch(/v1 .*stored/);
  });
});

describe('release Secrets', () => {
  it('store the plan compressed and load it back; pruned by number', async () => {
    const c = await cluster();
    const plan = { app: 'shop', steps: [{ phase: 'Sync', wave: 0, tasks: [{ object: { kind: 'ConfigMap', data: { a: 'x'.repeat(10_000) } } }] }] };
    const out = await storeRelease(c, 'shop', 'app', 1, { plan });
    expect(out).toMatchObject({ stored: true });
    expect(out.bytes).toBeLessThan(1_000);
    const secret = c.objects().find((o) => o.metadata.name === releaseName('shop', 1))!;
    expect(secret.metadata.labels).toEqual({ 'wavesync.io/app': 'shop', 'wavesync.io/release': '1' });
    expect(await loadRelease(c, 'shop', 'app', 1)).toEqual({ plan });
    await storeRelease(c, 'shop', 'app', 2, { plan });
    await pruneReleases(c, 'shop', 'app', new Set([2]));
    expect(await loadRelease(c, 'shop', 'app', 1)).toBeNull();
    expect(await loadRelease(c, 'shop', 'app', 2)).toEqual({ plan });
  });

  it('a release too big for a Secret (over 1 MiB compressed) is not stored, and says so', async () => {
    const c = await cluster();
    const big = { plan: { data: randomBytes(1_200_000).toString('base64') } };
    const out = await storeRelease(c, 'shop', 'app', 7, big);
    expect(out.stored).toBe(false);
    expect(out.stored === false && out.message).toMatch(
      /^release v7 is too big to keep for rollback: \d+ KiB compressed, more than a Secret can hold \(1 MiB\)/,
    );
    expect(c.objects().some((o) => o.kind === 'Secret')).toBe(false);
  });
});
