import { describe, expect, test } from '@jest/globals';
import { readDeletePolicies } from '../../src/manifests/delete-policies.js';
import { readHookRole } from '../../src/manifests/hook-phases.js';
import { readSyncOptions } from '../../src/manifests/sync-options.js';
import { parseWave, readWave } from '../../src/manifests/sync-wave.js';

const H = 'argocd.argoproj.io/hook';

describe('hook annotation', () => {
  test.each([
    ['PreSync', { kind: 'hook', phases: ['PreSync'] }],
    [' PostSync , PreSync ', { kind: 'hook', phases: ['PreSync', 'PostSync'] }],
    ['SyncFail,SyncFail', { kind: 'hook', phases: ['SyncFail'] }],
    ['Skip', { kind: 'skip' }],
    ['Skip,Skip', { kind: 'skip' }],
    ['Skip,PostDelete', { kind: 'hook', phases: ['PostDelete'] }],
  ])('%j → %j', (value, role) => {
    expect(readHookRole({ [H]: value })).toEqual({ role, errors: [] });
  });

  test.each(['presync', 'Postsync', 'PreSync,Later', '', ' , '])('"%s" is an error naming the accepted values', (value) => {
    const r = readHookRole({ [H]: value });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].annotation).toBe(H);
    expect(r.errors[0].message).toContain('PreSync, Sync, PostSync, SyncFail, PreDelete, PostDelete or Skip');
  });

  test('no hook annotation: a plain resource', () => {
    expect(readHookRole({ other: 'x' })).toEqual({ role: { kind: 'resource' }, errors: [] });
  });
});

describe('waves', () => {
  test.each([
    ['0', 0],
    ['-1', -1],
    ['+7', 7],
    ['2147483647', 2147483647],
  ])('%j → %i', (raw, wave) => expect(parseWave(raw)).toBe(wave));
  test.each(['one', '1.0', '', '1e3', '0x10', '2147483648', ' 3', '3 ', '3\n', '\u00a03', '\t3', '\uff13', '-', '+'])('%j is not a wave', (raw) =>
    expect(parseWave(raw)).toBeNull(),
  );
  test('default 0; sync-wave before hook-weight', () => {
    expect(readWave({})).toEqual({ wave: 0, errors: [] });
    expect(readWave({ 'helm.sh/hook-weight': '4' }).wave).toBe(4);
    expect(readWave({ 'helm.sh/hook-weight': '4', 'argocd.argoproj.io/sync-wave': '-2' }).wave).toBe(-2);
    // a bad hook-weight is not looked at when sync-wave is present
    expect(readWave({ 'helm.sh/hook-weight': 'x', 'argocd.argoproj.io/sync-wave': '1' })).toEqual({ wave: 1, errors: [] });
  });
});

describe('delete policies', () => {
  test('case-sensitive, unioned, in a fixed order', () => {
    expect(readDeletePolicies({ 'argocd.argoproj.io/hook-delete-policy': 'HookFailed,HookSucceeded' }).policies).toEqual(['HookSucceeded', 'HookFailed']);
    const bad = readDeletePolicies({ 'argocd.argoproj.io/hook-delete-policy': 'hooksucceeded' });
    expect(bad.errors.map((e) => e.annotation)).toEqual(['argocd.argoproj.io/hook-delete-policy']);
  });
});

describe('sync options', () => {
  const read = (v: string) => readSyncOptions({ 'argocd.argoproj.io/sync-options': v });
  test('every accepted option is kept as written', () => {
    const all = 'Prune=false,Prune=confirm,Replace=true,Force=true,ServerSideApply=true,Validate=false,SkipDryRunOnMissingResource=true,PruneLast=true';
    expect(read(all)).toEqual({ options: all.split(','), errors: [], warnings: [] });
  });
  test('ServerSideApply=false and CreateNamespace=true are accepted with a warning', () => {
    const r = read('ServerSideApply=false, CreateNamespace=true');
    expect(r.options).toEqual(['ServerSideApply=false', 'CreateNamespace=true']);
    expect(r.warnings).toHaveLength(2);
  });
  test.each(['replace=true', 'Replace=yes', 'Prune=true', 'Unknown'])('%s is an error', (v) => {
    expect(read(v).errors).toHaveLength(1);
    expect(read(v).errors[0].message).toContain('Prune=false, Prune=confirm, Replace=true');
  });
});
