import { describe, expect, test } from '@jest/globals';
import { buildPlan } from '../../src/plan/build-plan.js';
import { KIND_ORDER } from '../../src/plan/kind-order.js';
import { hook, obj, wave } from './helpers.js';

const opts = { app: 'demo', namespace: 'app' };
const order = (objects: ReturnType<typeof obj>[]) => {
  const { plan, errors } = buildPlan(objects, opts);
  expect(errors).toEqual([]);
  return plan.steps.flatMap((s) => s.tasks.map((t) => `${t.phase} ${t.wave} ${t.kind} ${t.namespace ?? '-'}/${t.name ?? t.generateName}`));
};

describe('ordering', () => {
  test('kinds follow the documented kind order, unknown kinds last', () => {
    const kinds = [...KIND_ORDER].reverse().filter((k) => !k.endsWith('List'));
    const objects = [obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'w' }), ...kinds.map((k) => obj({ kind: k, name: 'x' }))];
    const got = order(objects).map((l) => l.split(' ')[2]);
    expect(got).toEqual([...KIND_ORDER.filter((k) => !k.endsWith('List')), 'Widget']);
  });

  test('the kind order starts and ends as SEMANTICS lists it', () => {
    expect(KIND_ORDER.slice(0, 4)).toEqual(['Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange']);
    expect(KIND_ORDER.indexOf('Secret')).toBeLessThan(KIND_ORDER.indexOf('ConfigMap'));
    expect(KIND_ORDER.indexOf('Service')).toBeLessThan(KIND_ORDER.indexOf('Deployment'));
    expect(KIND_ORDER.indexOf('Deployment')).toBeLessThan(KIND_ORDER.indexOf('Job'));
    expect(KIND_ORDER[KIND_ORDER.length - 1]).toBe('APIService');
  });

  test('ties are broken by name, then namespace', () => {
    const got = order([
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'b', namespace: 'a' }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'a', namespace: 'z' }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'b', namespace: '0a' }),
      obj({ kind: 'Widget', apiVersion: 'example.com/v1', name: 'B', namespace: 'a' }),
    ]);
    // byte order: upper case before lower case (custom kinds may have upper-case names; namespaces may not)
    expect(got).toEqual(['Sync 0 Widget a/B', 'Sync 0 Widget z/a', 'Sync 0 Widget 0a/b', 'Sync 0 Widget a/b']);
  });

  test('phase first, then wave (negative waves first), then kind', () => {
    const got = order([
      obj({ kind: 'Deployment', name: 'web', annotations: wave(-1) }),
      obj({ kind: 'ConfigMap', name: 'cfg', annotations: wave(3) }),
      obj({ kind: 'Job', name: 'post', annotations: hook('PostSync', wave(-10)) }),
      obj({ kind: 'Job', name: 'pre', annotations: hook('PreSync', wave(5)) }),
      obj({ kind: 'Service', name: 'web', annotations: wave(-1) }),
      obj({ kind: 'Secret', name: 'early', annotations: wave(-5) }),
    ]);
    expect(got).toEqual([
      'PreSync 5 Job app/pre',
      'Sync -5 Secret app/early',
      'Sync -1 Service app/web',
      'Sync -1 Deployment app/web',
      'Sync 3 ConfigMap app/cfg',
      'PostSync -10 Job app/post',
    ]);
  });

  test('Sync hooks and plain resources of the same wave are interleaved by kind and name', () => {
    const got = order([
      obj({ kind: 'Job', name: 'sync-hook', annotations: hook('Sync') }),
      obj({ kind: 'Deployment', name: 'web' }),
      obj({ kind: 'CronJob', name: 'nightly' }),
    ]);
    expect(got).toEqual(['Sync 0 Deployment app/web', 'Sync 0 Job app/sync-hook', 'Sync 0 CronJob app/nightly']);
  });

  test('a generateName hook sorts by its generateName', () => {
    const got = order([
      obj({ kind: 'Job', name: 'zeta', annotations: hook('PostSync') }),
      obj({ kind: 'Job', generateName: 'alpha-', annotations: hook('PostSync') }),
      obj({ kind: 'Job', name: 'beta', annotations: hook('PostSync') }),
    ]);
    expect(got).toEqual(['PostSync 0 Job app/alpha-', 'PostSync 0 Job app/beta', 'PostSync 0 Job app/zeta']);
  });

  test('steps group consecutive tasks of the same phase and wave', () => {
    const { plan } = buildPlan(
      [
        obj({ kind: 'ConfigMap', name: 'a' }),
        obj({ kind: 'Secret', name: 'b' }),
        obj({ kind: 'Deployment', name: 'c', annotations: wave(1) }),
        obj({ kind: 'Job', name: 'd', annotations: hook('PreSync') }),
      ],
      opts,
    );
    expect(plan.steps.map((s) => [s.phase, s.wave, s.tasks.length])).toEqual([
      ['PreSync', 0, 1],
      ['Sync', 0, 2],
      ['Sync', 1, 1],
    ]);
  });
});
