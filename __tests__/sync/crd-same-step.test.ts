// SEMANTICS 3.3: a CRD and its custom resources in one step. Nothing is asked of the server about
// the custom kind before the CRD is Established; the wait is bounded and reported.
import { describe, expect, it } from '@jest/globals';
import { planOf } from './fake-controllers.js';
import { docStart, infos, run, setup } from './engine-helpers.js';

const crd = (plural = 'widgets', kind = 'Widget') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: ${plural}.example.com }
spec:
  group: example.com
  scope: Namespaced
  names: { kind: ${kind}, plural: ${plural}, singular: ${kind.toLowerCase()} }
  versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } }]
`;
const widget = (name: string, kind = 'Widget') => `apiVersion: example.com/v1\nkind: ${kind}\nmetadata: { name: ${name} }\nspec: { size: 1 }\n`;

describe('a CRD and its custom resources in one step', () => {
  it('waits for Established, then applies the custom resources; nothing about the kind is asked before', async () => {
    const cluster = await setup();
    cluster.crdEstablishDelayMs = 300;
    const text = [widget('one'), widget('two'), crd()].join('---\n');
    const { result, events } = await run(cluster, planOf(text));
    expect(result.result).toBe('Succeeded');
    expect(result.steps).toHaveLength(1);
    const ops = cluster.ops.filter((o) => o.verb !== 'dry-run').map((o) => `${o.verb} ${o.kind}`);
    expect(ops[0]).toBe('apply CustomResourceDefinition');
    expect(ops.filter((o) => o.endsWith('Widget'))).toEqual(['apply Widget', 'apply Widget']);
    expect(infos(events)).toContain('waiting for CRD widgets.example.com to be established');
    // The wait was reported before the first custom resource was applied.
    const waitAt = events.findIndex((e) => e.type === 'info' && e.message.startsWith('waiting for CRD'));
    const firstWidget = events.findIndex((e) => e.type === 'task-started' && e.task.kind === 'Widget');
    expect(waitAt).toBeLessThan(firstWidget);
    expect(result.steps[0].tasks.every((t) => t.state === 'Succeeded')).toBe(true);
  });

  it('ten CRDs and a hundred custom resources in one wave', async () => {
    const cluster = await setup();
    cluster.crdEstablishDelayMs = 50;
    const kinds = Array.from({ length: 10 }, (_, i) => ({ plural: `things${i}`, kind: `Thing${i}` }));
    const docs = [
      ...kinds.flatMap((k) => Array.from({ length: 10 }, (_, j) => widget(`${k.plural}-${j}`, k.kind))),
      ...kinds.map((k) => crd(k.plural, k.kind)),
    ];
    const { result } = await run(cluster, planOf(docs.join('---\n')), { timeoutMs: 20_000 });
    expect(result.result).toBe('Succeeded');
    expect(cluster.objects().filter((o) => o.apiVersion === 'example.com/v1')).toHaveLength(100);
  });

  it('a CRD that is never accepted fails at its own file and line; its resources are not applied', async () => {
    const cluster = await setup();
    cluster.crdEstablishDelayMs = Infinity;
    const text = [crd(), widget('one')].join('---\n');
    const { result } = await run(cluster, planOf(text));
    expect(result.result).toBe('Failed');
    expect(result.failedPhase).toBe('Sync');
    expect(result.failures[0]).toMatchObject({
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
      source: { file: 'k8s/app.yaml', line: docStart(text, 'kind: CustomResourceDefinition') },
    });
    expect(result.failures[0].message).toMatch(/names not accepted|NamesAccepted=False/);
    expect(cluster.ops.some((o) => o.kind === 'Widget')).toBe(false);
    expect(result.steps[0].state).toBe('Failed');
  });

  it('a CRD still not established at the sync timeout fails with reason Timeout at its line', async () => {
    const cluster = await setup();
    cluster.crdEstablishDelayMs = 60_000;
    const text = [crd(), widget('one')].join('---\n');
    const { result } = await run(cluster, planOf(text), { timeoutMs: 600 });
    expect(result.result).toBe('Failed');
    expect(result.failures[0]).toMatchObject({ kind: 'CustomResourceDefinition', reason: 'Timeout', source: { line: 1 } });
    expect(result.failures[0].message).toMatch(/was not established within/);
    expect(cluster.ops.some((o) => o.kind === 'Widget')).toBe(false);
  });

  it('--dry-run agrees: it passes without asking the server to dry-run the custom resources', async () => {
    const cluster = await setup();
    const { result } = await run(cluster, planOf([widget('one'), crd()].join('---\n')), { mode: 'dry-run' });
    expect(result.result).toBe('Succeeded');
    expect(cluster.ops.filter((o) => o.verb === 'dry-run').map((o) => o.kind)).toEqual(['CustomResourceDefinition']);
    expect(cluster.objects().some((o) => o.kind === 'CustomResourceDefinition')).toBe(false);
  });

  describe('a CRD in an earlier wave whose kind discovery serves late', () => {
    const inWave = (doc: string, wave: number) => doc.replace('metadata: {', `metadata: { annotations: { argocd.argoproj.io/sync-wave: "${wave}" },`);
    const text = [inWave(crd(), -1), inWave(widget('one'), 1)].join('---\n');

    it('waits for discovery before watching the kind, then applies it', async () => {
      const cluster = await setup();
      cluster.crdServeLagMs = 400;
      const { result } = await run(cluster, planOf(text));
      expect({ result: result.result, message: result.result === 'Succeeded' ? '' : result.message }).toEqual({ result: 'Succeeded', message: '' });
      expect(result.steps).toHaveLength(2);
      expect(cluster.objects().filter((o) => o.kind === 'Widget')).toHaveLength(1);
    });

    it('a kind never served fails at the custom resource line with what to check, nothing of it applied', async () => {
      const cluster = await setup();
      cluster.crdServeLagMs = 60_000;
      const { result } = await run(cluster, planOf(text), { timeoutMs: 800 });
      expect(result.result).toBe('Failed');
      expect(result.failures[0]).toMatchObject({
        kind: 'Widget',
        name: 'one',
        reason: 'Apply',
        source: { file: 'k8s/app.yaml', line: docStart(text, 'name: one') },
      });
      expect(result.failures[0].message).toMatch(/kind Widget in example.com\/v1 is not served, though its CustomResourceDefinition is Established/);
      expect(cluster.ops.some((o) => o.kind === 'Widget')).toBe(false);
    });
  });
});
