import { describe, expect, it } from '@jest/globals';
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { ApiError } from '../../src/cluster/port.js';
import { runEngine } from '../../src/sync/engine.js';
import { EventBus, type SyncEvent } from '../../src/sync/events.js';
import type { EngineOptions } from '../../src/sync/options.js';
import type { Plan } from '../../src/plan/types.js';
import { configMap, deployment, installControllers, job, planOf, seedNamespace } from './fake-controllers.js';

const PRE = (wave: number, policy = 'BeforeHookCreation') => ({
  'argocd.argoproj.io/hook': 'PreSync',
  'argocd.argoproj.io/sync-wave': String(wave),
  'argocd.argoproj.io/hook-delete-policy': policy,
});
const POST = { 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' };
const FAIL_HOOK = { 'argocd.argoproj.io/hook': 'SyncFail' };

async function setup() {
  const cluster = new MemoryCluster();
  installControllers(cluster);
  await seedNamespace(cluster, 'app');
  cluster.ops.length = 0;
  return cluster;
}

async function run(cluster: MemoryCluster, plan: Plan, over: Partial<EngineOptions> = {}) {
  const bus = new EventBus();
  const events: SyncEvent[] = [];
  bus.on((e) => events.push(e));
  const result = await runEngine({
    cluster,
    plan,
    bus,
    mode: 'sync',
    timeoutMs: 5_000,
    waveDelayMs: 0,
    failFastAfterMs: 0,
    createNamespace: false,
    ...over,
  });
  return { result, events };
}

/** The line of the apiVersion two lines above `marker`: where that document starts. */
const docLine = (text: string, marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1 - 2;

const applied = (cluster: MemoryCluster) => cluster.ops.filter((o) => o.verb === 'apply' || o.verb === 'create' || o.verb === 'replace').map((o) => o.name);

const seeds = [
  job('config-check', PRE(-2)),
  job('migrate', PRE(-1)),
  configMap('settings', 0),
  deployment('web', 1),
  `apiVersion: v1\nkind: Service\nmetadata: { name: web, annotations: { argocd.argoproj.io/sync-wave: "2" } }\nspec: { ports: [{ port: 80 }] }\n`,
  job('smoke', POST),
  job('notify', FAIL_HOOK),
].join('---\n');

describe('engine on the in-memory cluster', () => {
  it('runs the release flow in plan order, gating each wave on health', async () => {
    const cluster = await setup();
    const { result, events } = await run(cluster, planOf(seeds));
    expect(result.result).toBe('Succeeded');
    expect(applied(cluster).filter((n) => n !== 'app')).toEqual(['config-check', 'migrate', 'settings', 'web', 'web', 'smoke']);
    // Each step starts only after every task of the previous one finished.
    const order = events.filter((e) => e.type === 'step-started' || e.type === 'task-finished').map((e) => e.type);
    const starts = events.flatMap((e, i) => (e.type === 'step-started' ? [i] : []));
    for (let s = 1; s < starts.length; s++) {
      const previousStepFinishes = events.slice(starts[s - 1], starts[s]).filter((e) => e.type === 'task-finished');
      expect(previousStepFinishes.length).toBeGreaterThan(0);
    }
    expect(order[0]).toBe('step-started');
    const web = events.find((e) => e.type === 'task-finished' && e.taskId.includes('Deployment'));
    const svcStart = events.findIndex((e) => e.type === 'task-started' && e.task.kind === 'Service');
    expect(events.indexOf(web!)).toBeLessThan(svcStart);
    // SyncFail never ran; HookSucceeded removed the smoke test; BeforeHookCreation hooks stay.
    const names = cluster.objects().map((o) => o.metadata.name);
    expect(names).not.toContain('notify');
    expect(names).not.toContain('smoke');
    expect(names).toEqual(expect.arrayContaining(['config-check', 'migrate']));
    expect(events.some((e) => e.type === 'hook-log' && e.line === 'migrate done')).toBe(true);
  });

  it('a failing PreSync hook stops the sync before any Sync resource and runs SyncFail', async () => {
    const cluster = await setup();
    const plan = planOf([job('migrate', PRE(-1), { outcome: 'fail' }), configMap('settings', 0), job('notify', FAIL_HOOK)].join('---\n'));
    const { result } = await run(cluster, plan);
    expect(result.result).toBe('Failed');
    expect(result.failedPhase).toBe('PreSync');
    expect(applied(cluster)).toEqual(['migrate', 'notify']);
    expect(result.failures[0]).toMatchObject({ name: 'migrate', reason: 'HookFailed', source: { file: 'k8s/app.yaml', line: 2 } });
    expect(result.failures[0].logTail).toEqual(['migrate starting', 'migrate done']);
    expect(result.message).toContain('k8s/app.yaml:2');
  });

  it('a Degraded Deployment fails fast with the pod cause and the next wave is never applied', async () => {
    const cluster = await setup();
    const plan = planOf([deployment('web', 1, 'image-pull-backoff'), configMap('after', 2), job('notify', FAIL_HOOK)].join('---\n'));
    const { result } = await run(cluster, plan, { timeoutMs: 60_000 });
    expect(result.result).toBe('Failed');
    expect(result.reason).toBe('Degraded');
    expect(result.failures[0].message).toMatch(/ImagePullBackOff.*web-h1-pod/);
    expect(applied(cluster)).not.toContain('after');
    expect(applied(cluster)).toContain('notify');
    expect(result.durationMs).toBeLessThan(30_000);
  });

  it('a crash-looping pod of the previous revision does not fail the rollout that fixes it', async () => {
    const cluster = await setup();
    // What is running now: revision 7 of web, its pod crash-looping.
    cluster.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-old', namespace: 'app', labels: { app: 'web', 'pod-template-hash': 'h7' } },
      status: { phase: 'Running', containerStatuses: [{ name: 'main', ready: false, restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
    });
    const { result } = await run(cluster, planOf(deployment('web', 0)), { failFastAfterMs: 0 });
    expect(result.result).toBe('Succeeded');
  });

  it('a resource that never becomes healthy fails with reason Timeout, and SyncFail still runs', async () => {
    const cluster = await setup();
    const plan = planOf([deployment('web', 1, 'never-ready'), configMap('after', 2), job('notify', FAIL_HOOK)].join('---\n'));
    const { result } = await run(cluster, plan, { timeoutMs: 400, failFastAfterMs: 60_000 });
    expect(result.result).toBe('Failed');
    expect(result.reason).toBe('Timeout');
    expect(applied(cluster)).not.toContain('after');
    expect(applied(cluster)).toContain('notify');
  });

  it('the last wave is gated too', async () => {
    const cluster = await setup();
    const { result } = await run(cluster, planOf(deployment('web', 5, 'never-ready')), { timeoutMs: 300, failFastAfterMs: 60_000 });
    expect(result.result).toBe('Failed');
  });

  it('a sibling hook failing lets the running hook finish before SyncFail', async () => {
    const cluster = await setup();
    const plan = planOf([job('a-fails', PRE(0), { outcome: 'fail' }), job('b-slow', PRE(0), { runForMs: 300 }), job('notify', FAIL_HOOK)].join('---\n'));
    const { result, events } = await run(cluster, plan);
    expect(result.result).toBe('Failed');
    const slowDone = events.findIndex((e) => e.type === 'task-finished' && e.taskId.includes('b-slow'));
    const notifyStart = events.findIndex((e) => e.type === 'task-started' && e.task.name === 'notify');
    expect(events[slowDone]).toMatchObject({ state: 'Succeeded' });
    expect(slowDone).toBeLessThan(notifyStart);
  });

  it('BeforeHookCreation deletes and recreates; without it a completed Job is not rerun', async () => {
    const cluster = await setup();
    const plan = planOf([job('bhc', PRE(0)), job('keep', PRE(0, 'HookFailed'))].join('---\n'));
    await run(cluster, plan);
    const uidBefore = Object.fromEntries(cluster.objects().map((o) => [o.metadata.name, o.metadata.uid]));
    const { result } = await run(cluster, plan);
    expect(result.result).toBe('Succeeded');
    const uidAfter = Object.fromEntries(cluster.objects().map((o) => [o.metadata.name, o.metadata.uid]));
    expect(uidAfter.bhc).not.toBe(uidBefore.bhc);
    expect(uidAfter.keep).toBe(uidBefore.keep);
    expect(cluster.ops.filter((o) => o.verb === 'delete').map((o) => o.name)).toEqual(['bhc']);
  });

  it('generateName hooks get a sync-time name', async () => {
    const cluster = await setup();
    const gen = job('x', POST).replace('name: x', 'generateName: smoke-');
    const { result } = await run(cluster, planOf(gen), { now: () => 1_700_000_000_000 });
    expect(result.result).toBe('Succeeded');
    expect(applied(cluster)).toEqual(['smoke-abcdef1-postsync-1700000000']);
  });

  it('cancellation deletes the running hook, skips SyncFail and reports Cancelled', async () => {
    const cluster = await setup();
    const plan = planOf([job('long', PRE(0), { runForMs: 10_000 }), job('notify', FAIL_HOOK)].join('---\n'));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { result } = await run(cluster, plan, { signal: ac.signal, timeoutMs: 20_000 });
    expect(result.result).toBe('Cancelled');
    expect(cluster.objects().map((o) => o.metadata.name)).not.toContain('long');
    expect(applied(cluster)).not.toContain('notify');
  });

  it('validation errors stop the sync before anything is applied', async () => {
    const cluster = await setup();
    cluster.validate = (o) => {
      if ((o.data as Record<string, string> | undefined)?.bad) throw new ApiError(422, 'strict decoding error: unknown field "data.bad"');
    };
    const text = [
      configMap('ok', 0),
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: broken }\ndata: { bad: "x" }\n`,
      `apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n`,
    ].join('---\n');
    const { result, events } = await run(cluster, planOf(text));
    expect(result.result).toBe('Failed');
    expect(result.reason).toBe('Validation');
    const errors = events.find((e) => e.type === 'validation-failed');
    // Both problems are reported together, each at the line where its document starts.
    expect(errors && errors.type === 'validation-failed' && errors.errors.map((e) => e.source?.line)).toEqual([
      docLine(text, 'name: broken'),
      docLine(text, 'name: w }'),
    ]);
    expect(result.message).toMatch(/unknown kind Widget/);
    expect(applied(cluster)).toEqual([]);
  });

  it('dry-run errors are all collected with their lines', async () => {
    const cluster = await setup();
    cluster.validate = (o) => {
      if ((o.data as Record<string, string> | undefined)?.bad) throw new ApiError(422, `strict decoding error: unknown field "data.bad" in ${o.metadata.name}`);
    };
    const bad = (n: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${n} }\ndata: { bad: "x" }\n`;
    const text = [bad('one'), configMap('fine', 0), bad('two')].join('---\n');
    const { result, events } = await run(cluster, planOf(text));
    const v = events.find((e) => e.type === 'validation-failed');
    expect(v && v.type === 'validation-failed' && v.errors.map((e) => e.source?.line)).toEqual([docLine(text, 'name: one'), docLine(text, 'name: two')]);
    expect(result.result).toBe('Failed');
    expect(applied(cluster)).toEqual([]);
  });

  it('applies objects of one kind in parallel but kinds one after another', async () => {
    const cluster = await setup();
    const plan = planOf([configMap('c1', 0), configMap('c2', 0), deployment('web', 0)].join('---\n'));
    const { events } = await run(cluster, plan);
    const started = events.filter((e) => e.type === 'task-started').map((e) => (e.type === 'task-started' ? e.task.kind : ''));
    expect(started).toEqual(['ConfigMap', 'ConfigMap', 'Deployment']);
    const lastCm = events.findIndex((e, i) => e.type === 'task-applied' && e.liveName === 'c2' && i > 0);
    const depStart = events.findIndex((e) => e.type === 'task-started' && e.task.kind === 'Deployment');
    expect(lastCm).toBeLessThan(depStart);
  });
});

describe('dry run', () => {
  it('changes nothing and reports what would be created, changed or left alone', async () => {
    const cluster = await setup();
    await cluster.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'same', namespace: 'app', annotations: { 'argocd.argoproj.io/sync-wave': '0' } },
      data: { a: '1' },
    });
    await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'changed', namespace: 'app' }, data: { a: 'old' } });
    cluster.ops.length = 0;
    const plan = planOf([configMap('same', 0), configMap('changed', 0), configMap('new', 0)].join('---\n'));
    const { result, events } = await run(cluster, plan, { mode: 'dry-run' });
    expect(result.result).toBe('Succeeded');
    expect(applied(cluster)).toEqual([]);
    const changes = Object.fromEntries(events.flatMap((e) => (e.type === 'planned-change' ? [[e.task.name, e.change]] : [])));
    expect(changes).toEqual({ same: 'unchanged', changed: 'update', new: 'create' });
    expect(result.message).toContain('1 to create, 1 to change, 1 unchanged');
  });
});
