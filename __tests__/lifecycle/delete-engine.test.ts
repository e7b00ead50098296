// SEMANTICS 5, delete mode, on the in-memory cluster: PreDelete first (a failure deletes nothing),
// members deleted highest wave first and awaited, PostDelete after, the inventory last.
import { describe, expect, it } from '@jest/globals';
import type { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { runDeleteEngine } from '../../src/sync/delete-engine.js';
import { EventBus, type SyncEvent } from '../../src/sync/events.js';
import type { Plan } from '../../src/plan/types.js';
import { run, setup } from '../sync/engine-helpers.js';
import { configMap, deployment, job, planOf } from '../sync/fake-controllers.js';

const docs = (...d: string[]) => d.join('---\n');
const inv = { prune: false, confirmPrune: false, forceAdopt: false };
const members = (c: MemoryCluster) =>
  c
    .objects()
    .filter((o) => ['ConfigMap', 'Deployment'].includes(o.kind) && !o.metadata.annotations?.['argocd.argoproj.io/hook'])
    .map((o) => o.metadata.name)
    .sort();
const hasParent = (c: MemoryCluster) => c.objects().some((o) => o.kind === 'Secret' && o.metadata.name === 'wavesync-demo');

async function deleteApp(c: MemoryCluster, plan: Plan, withManifests = true) {
  const bus = new EventBus();
  const events: SyncEvent[] = [];
  bus.on((e) => events.push(e));
  const result = await runDeleteEngine({ cluster: c, plan, bus, timeoutMs: 5_000, withManifests });
  return { result, events };
}
const hooks = (pre?: string, post?: string) =>
  planOf(
    docs(
      ...[
        pre ? job('pre', { 'argocd.argoproj.io/hook': 'PreDelete' }, { outcome: pre === 'fail' ? 'fail' : undefined }) : '',
        post ? job('post', { 'argocd.argoproj.io/hook': 'PostDelete' }) : '',
      ].filter(Boolean),
    ),
  );
const app = () =>
  planOf(
    docs(
      configMap('a', 0),
      configMap('b', 2),
      deployment('d', 1),
      configMap('keep', 0).replace('annotations: {', 'annotations: { argocd.argoproj.io/sync-options: Delete=false,'),
    ),
  );

describe('delete mode', () => {
  it('PreDelete, then every member highest wave first (awaited), then PostDelete; a Delete=false member keeps the inventory', async () => {
    const c = await setup();
    expect((await run(c, app(), { inventory: inv })).result.result).toBe('Succeeded');
    c.deleteDelayMs = { Deployment: 40 };
    c.ops.length = 0;
    const { result } = await deleteApp(c, hooks('ok', 'ok'));
    expect(result.result).toBe('Succeeded');
    const ops = c.ops
      .filter((o) => (o.verb === 'delete' && o.kind !== 'Pod') || (o.verb === 'create' && o.kind === 'Job') || (o.verb === 'apply' && o.kind === 'Job'))
      .map((o) => `${o.verb} ${o.name}`);
    expect(ops.slice(0, 4)).toEqual(['apply pre', 'delete b', 'delete d', 'delete a']);
    expect(ops).toContain('apply post');
    expect(ops.indexOf('apply post')).toBeGreaterThan(ops.indexOf('delete a'));
    expect(ops.at(-1)).toBe('apply post');
    expect(members(c)).toEqual(['keep']);
    expect(hasParent(c)).toBe(true);
    const keep = result.steps.flatMap((s) => s.tasks).find((t) => t.name === 'keep');
    expect(keep).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/Delete=false/) });
    expect(result.steps.map((s) => `${s.phase}/${s.wave}`)).toEqual(['PreDelete/0', 'Sync/2', 'Sync/1', 'Sync/0', 'PostDelete/0']);
  });

  it('a failing PreDelete hook deletes nothing', async () => {
    const c = await setup();
    await run(c, app(), { inventory: inv });
    const { result } = await deleteApp(c, hooks('fail'));
    expect(result).toMatchObject({ result: 'Failed', reason: 'HookFailed', failedPhase: 'PreDelete' });
    expect(result.message).toMatch(/^PreDelete failed: nothing was deleted/);
    expect(members(c)).toEqual(['a', 'b', 'd', 'keep']);
    expect(hasParent(c)).toBe(true);
  });

  it('works from the inventory alone, saying no hook can run; the inventory goes when nothing is kept', async () => {
    const c = await setup();
    await run(c, planOf(docs(configMap('a', 0), deployment('d', 1))), { inventory: inv });
    const empty: Plan = { app: 'demo', revision: null, namespace: 'app', steps: [], syncFail: [], preDelete: [], postDelete: [], skipped: [], warnings: [] };
    const { result, events } = await deleteApp(c, empty, false);
    expect(result.result).toBe('Succeeded');
    expect(events.some((e) => e.type === 'info' && /no PreDelete or PostDelete hook can run/.test(e.message))).toBe(true);
    expect(members(c)).toEqual([]);
    expect(hasParent(c)).toBe(false);
  });
});
