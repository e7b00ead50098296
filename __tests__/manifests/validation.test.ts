import { describe, expect, test } from '@jest/globals';
import { loadManifests } from '../../src/manifests/load.js';
import { formatProblem } from '../../src/model/problems.js';
import { buildPlan } from '../../src/plan/build-plan.js';

const root = process.cwd();
const fixtures = '__tests__/fixtures';

function problems(paths: string[]) {
  const loaded = loadManifests(paths, { root });
  const { plan, errors } = buildPlan(loaded.objects, { app: 'demo', namespace: 'app' });
  return { errors: [...loaded.errors, ...errors].map(formatProblem), warnings: [...loaded.warnings, ...plan.warnings].map(formatProblem) };
}

describe('every bad value is an error at its file and line, all collected', () => {
  const f = `${fixtures}/bad-annotations/bad.yaml`;
  const { errors, warnings } = problems([f]);

  test.each([
    [6, 'argocd.argoproj.io/hook has unknown value "Postsync"', 'PreSync, Sync, PostSync, SyncFail, PreDelete, PostDelete or Skip'],
    [14, 'argocd.argoproj.io/sync-wave must be an integer', '"one"'],
    [22, 'argocd.argoproj.io/hook-delete-policy has unknown value "OnSuccess"', 'BeforeHookCreation, HookSucceeded or HookFailed'],
    [29, 'argocd.argoproj.io/sync-options has unknown option "replace=true"', 'Replace=true'],
    [36, 'helm.sh/hook has unknown value "pre-instal"', 'pre-install'],
    [37, 'helm.sh/hook-weight must be an integer', '"1.5"'],
    [38, 'helm.sh/hook-delete-policy has unknown value "always"', 'before-hook-creation, hook-succeeded or hook-failed'],
    [45, 'annotation argocd.argoproj.io/sync-wave must be a string', 'quote'],
    [47, 'generateName is only accepted on hooks', 'ConfigMap'],
  ])('line %i: %s', (line, message, accepted) => {
    const hit = errors.filter((e) => e.startsWith(`${f}:${line}: `) && e.includes(message));
    expect(hit).toHaveLength(1);
    expect(hit[0]).toContain(accepted);
  });

  test('no other errors, and ServerSideApply=false is only a warning', () => {
    expect(errors).toHaveLength(9);
    expect(warnings).toEqual([`${f}:57: ServerSideApply=false is ignored: wavesync always applies server-side`]);
  });
});

test('duplicates across files name both places (after the default namespace is applied)', () => {
  const { errors } = problems([`${fixtures}/duplicates`]);
  expect(errors).toEqual([
    `${fixtures}/duplicates/b.yml:2: duplicate ConfigMap app/settings: also defined at ${fixtures}/duplicates/a.yaml:1; each object may appear once`,
  ]);
});

test('YAML syntax errors report file, line and column; the good documents still load', () => {
  const loaded = loadManifests([`${fixtures}/syntax/broken.yaml`], { root });
  expect(loaded.objects.map((o) => o.object.metadata.name)).toEqual(['ok']);
  expect(loaded.errors).toHaveLength(1);
  expect(formatProblem(loaded.errors[0])).toMatch(new RegExp(`^${fixtures}/syntax/broken.yaml:1[01]: YAML syntax error at column \\d+: `));
});
