// No failure without its file and line: an unexpected error at any stage of a step ends up on the
// task it happened to, in the result (failures, failedPhase, step and task states).
import { describe, expect, it } from '@jest/globals';
import type { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import type { CelHealthRule } from '../../src/health/cel-rules.js';
import type { EngineOptions } from '../../src/sync/options.js';
import { configMap, job, planOf } from './fake-controllers.js';
import { docStart, run, setup } from './engine-helpers.js';

const HOOK = { 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' };
const text = [configMap('settings', 0), job('migrate', HOOK)].join('---\n');
const boom = () => new Error('socket hang up (injected)');

/** A health rule whose evaluation throws, as a bug in a rule or in the health module would. */
const throwingRule = (): CelHealthRule =>
  ({
    engine: 'cel',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    source: { file: 'health.yaml', line: 1 },
    get healthy(): never {
      throw boom();
    },
  }) as unknown as CelHealthRule;

const stages: [string, string, (c: MemoryCluster) => Promise<void> | void, Partial<EngineOptions>?][] = [
  ['watch', 'settings', (c) => c.fail('watch', (o) => o.kind === 'ConfigMap', boom())],
  ['BeforeHookCreation get', 'migrate', (c) => c.fail('get', (o) => o.name === 'migrate', boom())],
  [
    'BeforeHookCreation delete',
    'migrate',
    async (c) => {
      await c.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'app' }, spec: { template: { spec: { containers: [] } } } });
      c.fail('delete', (o) => o.name === 'migrate', boom());
    },
  ],
  ['apply', 'settings', (c) => c.fail('apply', (o) => o.name === 'settings', boom())],
  ['health', 'settings', () => undefined, { healthRules: [throwingRule()] }],
];

describe('an unexpected error at each stage of a step', () => {
  it.each(stages.map(([stage, task, inject, over]) => ({ stage, task, inject, over })))(
    '$stage: the result names the task and its source',
    async ({ task, inject, over }) => {
      const cluster = await setup();
      await inject(cluster);
      const { result } = await run(cluster, planOf(text), over);
      expect(result.result).toBe('Failed');
      expect(result.failedPhase).toBe('Sync');
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ name: task, source: { file: 'k8s/app.yaml', line: docStart(text, `name: ${task}`) } });
      expect(result.failures[0].message).toContain('injected');
      expect(result.message).toContain(`k8s/app.yaml:${docStart(text, `name: ${task}`)}`);
      const step = result.steps[0];
      expect(step.state).toBe('Failed');
      expect(step.tasks.find((t) => t.name === task)?.state).toBe('Failed');
      expect(step.tasks.every((t) => t.state !== 'Pending' && t.state !== 'Running' && t.state !== 'Applying')).toBe(true);
    },
  );
});
