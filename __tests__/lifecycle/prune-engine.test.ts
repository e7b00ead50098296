// SEMANTICS 6 on the in-memory cluster: the inventory written around a sync, pruning by it in
// reversed wave order, would-prune reports, Prune=false, adoption refusal.
import { describe, expect, it } from '@jest/globals';
import type { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { applysetId } from '../../src/cluster/inventory/applyset.js';
import type { SyncEvent } from '../../src/sync/events.js';
import type { InventoryOptions } from '../../src/sync/inventory-stage.js';
import { run, setup } from '../sync/engine-helpers.js';
import { configMap, deployment, planOf } from '../sync/fake-controllers.js';

const ID = applysetId('wavesync-demo', 'app');
const docs = (...d: string[]) => d.join('---\n');
const inv = (over: Partial<InventoryOptions> = {}): InventoryOptions => ({ prune: true, confirmPrune: false, forceAdopt: false, ...over });
const names = (c: MemoryCluster, kind: string) =>
  c
    .objects()
    .filter((o) => o.kind === kind)
    .map((o) => o.metadata.name)
    .sort();
const parent = (c: MemoryCluster) => c.objects().find((o) => o.kind === 'Secret' && o.metadata.name === 'wavesync-demo');
const taskOf = (r: Awaited<ReturnType<typeof run>>['result'], name: string) => r.steps.flatMap((s) => s.tasks).find((t) => t.name === name);

async function syncA(c: MemoryCluster, extraB = '') {
  const a = await run(c, planOf(docs(configMap('a', 0), configMap('b', 1).replace('annotations: {', `annotations: {${extraB}`), deployment('d', 2))), {
    inventory: inv(),
  });
  expect(a.result.result).toBe('Succeeded');
}
const planB = () => planOf(docs(configMap('a', 0), deployment('d', 2)));

describe('inventory and pruning', () => {
  it('labels the members, writes the ApplySet parent, and prunes what left the manifests', async () => {
    const c = await setup();
    await syncA(c);
    const p = parent(c)!;
    expect(p.metadata.labels).toEqual({ 'applyset.kubernetes.io/id': ID });
    expect(p.metadata.annotations).toMatchObject({
      'applyset.kubernetes.io/tooling': 'wavesync/0.1.0',
      'applyset.kubernetes.io/contains-group-kinds': 'ConfigMap,Deployment.apps',
      'applyset.kubernetes.io/additional-namespaces': '',
    });
    expect(
      c
        .objects()
        .filter((o) => o.metadata.labels?.['applyset.kubernetes.io/part-of'] === ID)
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['a', 'b', 'd']);

    const b = await run(c, planB(), { inventory: inv() });
    expect(b.result.result).toBe('Succeeded');
    expect(names(c, 'ConfigMap')).toEqual(['a']);
    const t = taskOf(b.result, 'b')!;
    expect(t).toMatchObject({ state: 'Succeeded', action: 'pruned', source: { line: 0 } });
  });

  it('without prune, reports would-prune and keeps the object (and keeps it in the inventory)', async () => {
    const c = await setup();
    await syncA(c);
    const b = await run(c, planB(), { inventory: inv({ prune: false }) });
    expect(b.result.result).toBe('Succeeded');
    expect(names(c, 'ConfigMap')).toEqual(['a', 'b']);
    expect(taskOf(b.result, 'b')).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/^would prune/) });
    expect(parent(c)!.metadata.annotations!['applyset.kubernetes.io/contains-group-kinds']).toBe('ConfigMap,Deployment.apps');
  });

  it('Prune=false on the live object keeps it, reported as skipped', async () => {
    const c = await setup();
    await syncA(c, ' argocd.argoproj.io/sync-options: Prune=false,');
    const b = await run(c, planB(), { inventory: inv() });
    expect(names(c, 'ConfigMap')).toEqual(['a', 'b']);
    expect(taskOf(b.result, 'b')).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/Prune=false/) });
  });

  it('prunes the highest live wave first, each wave before that step applies, awaited until gone', async () => {
    const c = await setup();
    c.deleteDelayMs = { ConfigMap: 30 };
    await run(c, planOf(docs(configMap('w0', 0), configMap('w1', 1), configMap('w5', 5), configMap('keep', 0))), { inventory: inv() });
    c.ops.length = 0;
    const events: SyncEvent[] = [];
    const b = await run(c, planOf(docs(configMap('keep', 0), configMap('later', 9))), { inventory: inv() });
    events.push(...b.events);
    expect(b.result.result).toBe('Succeeded');
    const ops = c.ops.filter((o) => o.verb === 'delete' || (o.verb === 'apply' && o.kind === 'ConfigMap')).map((o) => `${o.verb} ${o.name}`);
    expect(ops).toEqual(['delete w5', 'apply keep', 'delete w1', 'delete w0', 'apply later']);
    // Each prune finished (the object gone) before the next step started.
    const finished = b.events.findIndex((e) => e.type === 'task-finished' && e.taskId.endsWith('/w5'));
    const applyKeep = b.events.findIndex((e) => e.type === 'task-started' && e.task.name === 'keep');
    expect(finished).toBeLessThan(applyKeep);
  });

  it('refuses an object labelled for another app at its file and line; force-adopt takes it over', async () => {
    const c = await setup();
    await c.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'app', labels: { 'applyset.kubernetes.io/part-of': 'applyset-other-v1' } },
    });
    const refused = await run(c, planOf(docs(configMap('a', 0))), { inventory: inv() });
    expect(refused.result).toMatchObject({ result: 'Failed', reason: 'Adoption' });
    expect(refused.result.failures[0]).toMatchObject({ name: 'a', reason: 'Adoption', source: { file: 'k8s/app.yaml', line: 2 } });
    expect(refused.result.failures[0].message).toMatch(/belongs to another ApplySet .*force-adopt/);
    expect(c.ops.filter((o) => o.verb === 'apply')).toEqual([]);

    const forced = await run(c, planOf(docs(configMap('a', 0))), { inventory: inv({ forceAdopt: true }) });
    expect(forced.result.result).toBe('Succeeded');
    expect(c.objects().find((o) => o.metadata.name === 'a')!.metadata.labels!['applyset.kubernetes.io/part-of']).toBe(ID);
  });

  it('a hook is never a member', async () => {
    const c = await setup();
    const hook = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: h, annotations: { argocd.argoproj.io/hook: PreSync } }\n`;
    await run(c, planOf(docs(hook, configMap('a', 0))), { inventory: inv() });
    expect(c.objects().find((o) => o.metadata.name === 'h')!.metadata.labels?.['applyset.kubernetes.io/part-of']).toBeUndefined();
  });
});
