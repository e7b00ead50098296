import { describe, expect, test } from '@jest/globals';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { Plan, Step } from '../../src/plan/types.js';
import { hook, obj, wave } from './helpers.js';

const opts = { app: 'demo', namespace: 'app' };
const ids = (steps: Step[]) => steps.flatMap((s) => s.tasks.map((t) => t.id));
const plan = (objects: ReturnType<typeof obj>[]): Plan => {
  const r = buildPlan(objects, opts);
  expect(r.errors).toEqual([]);
  return r.plan;
};

describe('hooks', () => {
  test('a hook listed in two phases becomes one task per phase', () => {
    const p = plan([obj({ kind: 'Job', name: 'j', annotations: hook('PostSync, PreSync,PreSync') })]);
    expect(ids(p.steps)).toEqual(['PreSync/batch/Job/app/j', 'PostSync/batch/Job/app/j']);
    expect(p.steps.every((s) => s.tasks.every((t) => t.hook))).toBe(true);
  });

  test('Skip alone is skipped; Skip with another phase is ignored in favour of it', () => {
    const p = plan([
      obj({ kind: 'ConfigMap', name: 'skipped', annotations: hook('Skip') }),
      obj({ kind: 'Job', name: 'pre', annotations: hook('Skip,PreSync') }),
    ]);
    expect(ids(p.steps)).toEqual(['PreSync/batch/Job/app/pre']);
    expect(p.skipped).toEqual([expect.objectContaining({ kind: 'ConfigMap', name: 'skipped', namespace: 'app', reason: expect.stringContaining('Skip') })]);
  });

  test('SyncFail, PreDelete and PostDelete hooks are kept out of steps, each in its own ordered list', () => {
    const p = plan([
      obj({ kind: 'Job', name: 'notify-b', annotations: hook('SyncFail') }),
      obj({ kind: 'Job', name: 'notify-a', annotations: hook('SyncFail', wave(1)) }),
      obj({ kind: 'ConfigMap', name: 'cfg', annotations: hook('SyncFail') }),
      obj({ kind: 'Job', name: 'backup', annotations: hook('PreDelete') }),
      obj({ kind: 'Job', name: 'cleanup', annotations: hook('PostDelete') }),
      obj({ kind: 'Deployment', name: 'web' }),
    ]);
    expect(ids(p.steps)).toEqual(['Sync/apps/Deployment/app/web']);
    expect(p.syncFail.map((s) => [s.wave, s.tasks.map((t) => t.name)])).toEqual([
      [0, ['cfg', 'notify-b']],
      [1, ['notify-a']],
    ]);
    expect(ids(p.preDelete)).toEqual(['PreDelete/batch/Job/app/backup']);
    expect(ids(p.postDelete)).toEqual(['PostDelete/batch/Job/app/cleanup']);
  });

  test('delete policies: BeforeHookCreation by default, Argo and Helm annotations unioned', () => {
    const p = plan([
      obj({ kind: 'Job', name: 'default', annotations: hook('PreSync') }),
      obj({
        kind: 'Job',
        name: 'union',
        annotations: hook('PreSync', {
          'argocd.argoproj.io/hook-delete-policy': 'HookFailed',
          'helm.sh/hook-delete-policy': 'hook-succeeded,before-hook-creation',
        }),
      }),
      obj({ kind: 'Job', name: 'succeeded', annotations: hook('PreSync', { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }) }),
      obj({ kind: 'ConfigMap', name: 'plain', annotations: { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' } }),
    ]);
    const byName = Object.fromEntries([...p.steps].flatMap((s) => s.tasks).map((t) => [t.name, t.deletePolicies]));
    expect(byName).toEqual({
      default: ['BeforeHookCreation'],
      union: ['BeforeHookCreation', 'HookSucceeded', 'HookFailed'],
      succeeded: ['HookSucceeded'],
      plain: [], // not a hook: policies do not apply
    });
  });

  test('generateName hooks keep name null and their generateName', () => {
    const p = plan([obj({ kind: 'Job', generateName: 'smoke-', annotations: hook('PostSync') })]);
    const t = p.steps[0].tasks[0];
    expect([t.name, t.generateName, t.id]).toEqual([null, 'smoke-', 'PostSync/batch/Job/app/smoke-']);
    expect(t.object.metadata).toEqual({ generateName: 'smoke-', namespace: 'app', annotations: hook('PostSync') });
  });

  test('two generateName hooks with the same prefix in one namespace are duplicates', () => {
    const r = buildPlan(
      [
        obj({ kind: 'Job', generateName: 'smoke-', annotations: hook('PostSync'), file: 'a.yaml', line: 3 }),
        obj({ kind: 'Job', generateName: 'smoke-', annotations: hook('PostSync'), file: 'b.yaml', line: 7 }),
      ],
      opts,
    );
    expect(r.errors).toEqual([{ source: { file: 'b.yaml', line: 7 }, message: expect.stringContaining('also defined at a.yaml:3') }]);
  });
});

describe('Helm hooks', () => {
  const helm = (value: string, extra: Record<string, string> = {}) => ({ 'helm.sh/hook': value, ...extra });
  test.each([
    ['pre-install', 'PreSync'],
    ['pre-upgrade', 'PreSync'],
    ['post-install', 'PostSync'],
    ['post-upgrade', 'PostSync'],
    ['pre-delete', 'PreDelete'],
    ['post-delete', 'PostDelete'],
  ])('%s maps to %s', (value, phase) => {
    const p = plan([obj({ kind: 'Job', name: 'h', annotations: helm(value) })]);
    const all = [...p.steps, ...p.syncFail, ...p.preDelete, ...p.postDelete].flatMap((s) => s.tasks);
    expect(all.map((t) => [t.phase, t.hook])).toEqual([[phase, true]]);
  });

  test('pre-install,pre-upgrade is one PreSync task', () => {
    const p = plan([obj({ kind: 'Job', name: 'h', annotations: helm('pre-install,pre-upgrade') })]);
    expect(ids(p.steps)).toEqual(['PreSync/batch/Job/app/h']);
  });

  test('crd-install is a normal resource', () => {
    const p = plan([obj({ kind: 'ConfigMap', name: 'c', annotations: helm('crd-install') })]);
    expect(p.steps[0].tasks.map((t) => [t.phase, t.hook])).toEqual([['Sync', false]]);
  });

  test.each(['test', 'test-success', 'test-failure', 'pre-rollback', 'post-rollback'])('%s is left out with a warning', (value) => {
    const p = plan([obj({ kind: 'Pod', name: 'left', annotations: helm(value), file: 'chart.yaml', line: 4 })]);
    expect(p.steps).toEqual([]);
    expect(p.skipped).toEqual([expect.objectContaining({ kind: 'Pod', name: 'left', reason: expect.stringContaining(value) })]);
    expect(p.warnings).toEqual([{ source: { file: 'chart.yaml', line: 4 }, message: expect.stringContaining(`"${value}"`) }]);
  });

  test('a left-out value next to a mapped one keeps the mapped phase', () => {
    const p = plan([obj({ kind: 'Job', name: 'h', annotations: helm('pre-upgrade,pre-rollback') })]);
    expect(ids(p.steps)).toEqual(['PreSync/batch/Job/app/h']);
  });

  test('the Argo hook annotation wins over Helm', () => {
    const p = plan([obj({ kind: 'Job', name: 'h', annotations: { ...hook('PostSync'), ...helm('pre-install') } })]);
    expect(ids(p.steps)).toEqual(['PostSync/batch/Job/app/h']);
  });

  test('sync-wave wins over hook-weight; hook-weight is the wave otherwise', () => {
    const p = plan([
      obj({ kind: 'Job', name: 'both', annotations: helm('pre-install', { 'helm.sh/hook-weight': '-5', ...wave(3) }) }),
      obj({ kind: 'Job', name: 'weight', annotations: helm('pre-install', { 'helm.sh/hook-weight': '-5' }) }),
    ]);
    expect(p.steps.map((s) => [s.wave, s.tasks[0].name])).toEqual([
      [-5, 'weight'],
      [3, 'both'],
    ]);
  });
});

describe('namespaces', () => {
  test('namespaced built-ins get the default, cluster-scoped never get one, unknown kinds keep theirs', () => {
    const p = plan([
      obj({ kind: 'ConfigMap', name: 'defaulted' }),
      obj({ kind: 'ConfigMap', name: 'explicit', namespace: 'other' }),
      obj({ kind: 'ClusterRole', name: 'reader', namespace: 'other', file: 'rbac.yaml', line: 9 }),
      obj({ kind: 'StorageClass', name: 'fast' }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'bare' }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'placed', namespace: 'other' }),
    ]);
    const ns = Object.fromEntries(p.steps.flatMap((s) => s.tasks).map((t) => [t.name, [t.namespace, t.object.metadata.namespace ?? null]]));
    expect(ns).toEqual({
      defaulted: ['app', 'app'],
      explicit: ['other', 'other'],
      reader: [null, null],
      fast: [null, null],
      bare: [null, null],
      placed: ['other', 'other'],
    });
    expect(p.warnings).toEqual([{ source: { file: 'rbac.yaml', line: 9 }, message: expect.stringContaining('ClusterRole is cluster-scoped') }]);
  });

  test('a CRD in the manifests decides the scope of its kind', () => {
    const crd = (scope: string, kind: string) =>
      obj({ kind: 'CustomResourceDefinition', name: `${kind.toLowerCase()}s.example.com`, spec: { group: 'example.com', scope, names: { kind } } });
    const p = plan([
      crd('Namespaced', 'Widget'),
      crd('Cluster', 'Gadget'),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w' }),
      obj({ kind: 'Gadget', apiVersion: 'example.com/v1', name: 'g', namespace: 'x' }),
    ]);
    const ns = Object.fromEntries(p.steps.flatMap((s) => s.tasks).map((t) => [t.name, t.namespace]));
    expect([ns.w, ns.g]).toEqual(['app', null]);
  });
});

describe('dependency moves', () => {
  test('a Namespace sorting after the first task in it moves just before that task, taking its phase and wave', () => {
    const p = plan([
      obj({ kind: 'Namespace', name: 'team', annotations: wave(2) }),
      obj({ kind: 'ConfigMap', name: 'early', annotations: wave(-3) }),
      obj({ kind: 'Job', name: 'migrate', namespace: 'team', annotations: hook('PreSync', wave(-1)) }),
      obj({ kind: 'ConfigMap', name: 'cfg', namespace: 'team' }),
    ]);
    expect(p.steps.flatMap((s) => s.tasks.map((t) => `${t.phase} ${t.wave} ${t.kind}/${t.name}`))).toEqual([
      'PreSync -1 Namespace/team',
      'PreSync -1 Job/migrate',
      'Sync -3 ConfigMap/early',
      'Sync 0 ConfigMap/cfg',
    ]);
    expect(p.steps[0].tasks[0].id).toBe('PreSync//Namespace//team');
  });

  test('a Namespace already first stays where it is', () => {
    const p = plan([obj({ kind: 'ConfigMap', name: 'cfg', namespace: 'team', annotations: wave(1) }), obj({ kind: 'Namespace', name: 'team' })]);
    expect(p.steps.map((s) => [s.wave, s.tasks.map((t) => t.kind)])).toEqual([
      [0, ['Namespace']],
      [1, ['ConfigMap']],
    ]);
  });

  test('a CRD sorting after the first object of its kind moves before it, taking its phase and wave', () => {
    const p = plan([
      obj({
        kind: 'CustomResourceDefinition',
        name: 'widgets.example.com',
        annotations: wave(5),
        spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget' } },
      }),
      obj({ kind: 'Deployment', name: 'web', annotations: wave(-2) }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w1', annotations: wave(-2) }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1alpha1', name: 'w2', annotations: wave(7) }),
    ]);
    expect(p.steps.flatMap((s) => s.tasks.map((t) => `${t.wave} ${t.kind}/${t.name}`))).toEqual([
      '-2 Deployment/web',
      '-2 CustomResourceDefinition/widgets.example.com',
      '-2 Widget/w1',
      '7 Widget/w2',
    ]);
  });

  test('a CRD of another group does not move', () => {
    const p = plan([
      obj({ kind: 'CustomResourceDefinition', name: 'widgets.other.io', annotations: wave(5), spec: { group: 'other.io', names: { kind: 'Widget' } } }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w1' }),
    ]);
    expect(p.steps.map((s) => [s.wave, s.tasks[0].kind])).toEqual([
      [0, 'Widget'],
      [5, 'CustomResourceDefinition'],
    ]);
  });
});
