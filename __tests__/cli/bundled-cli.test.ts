// The committed bundle, run as a user would: node dist/cli.js plan --output json on the seeds example.
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

test('dist/cli.js plans the seeds example in the documented order', () => {
  expect(statSync('dist/cli.js').mode & 0o111).not.toBe(0);
  const r = spawnSync(
    process.execPath,
    ['dist/cli.js', 'plan', '--manifests', 'examples/seeds', '--app', 'seeds', '--namespace', 'seeds', '--output', 'json'],
    {
      encoding: 'utf8',
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const plan = JSON.parse(r.stdout);
  const show = (
    steps: {
      phase: string;
      wave: number;
      tasks: { kind: string; name: string | null; generateName: string | null; hook: boolean; deletePolicies: string[] }[];
    }[],
  ) =>
    steps.map(
      (s) =>
        `${s.phase} ${s.wave}: ${s.tasks.map((t) => `${t.kind}/${t.name ?? `${t.generateName}*`}${t.hook ? ` [${t.deletePolicies.join(',')}]` : ''}`).join(', ')}`,
    );
  expect(show(plan.steps)).toEqual([
    'PreSync -2: Job/config-check [BeforeHookCreation]',
    'PreSync -1: Job/db-migrate [BeforeHookCreation,HookSucceeded]',
    'Sync 0: Secret/seeds-secret, ConfigMap/seeds-config',
    'Sync 1: Deployment/seeds',
    'Sync 2: Service/seeds',
    'PostSync 0: Job/smoke-test-* [HookSucceeded]',
  ]);
  expect(show(plan.syncFail)).toEqual(['SyncFail 0: Job/notify-failure [BeforeHookCreation]']);
  expect([plan.preDelete, plan.postDelete, plan.skipped, plan.warnings]).toEqual([[], [], [], []]);
  const smoke = plan.steps[5].tasks[0];
  expect([smoke.name, smoke.generateName, smoke.namespace]).toEqual([null, 'smoke-test-', 'seeds']);
  expect(plan.steps[1].tasks[0].source).toEqual({ file: 'examples/seeds/01-db-migrate.yaml', line: 2 });
});

test('dist/cli.js exits 2 with file:line errors and an empty stdout on invalid manifests', () => {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'plan', '--manifests', '__tests__/fixtures/duplicates', '--namespace', 'app'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^__tests__\/fixtures\/duplicates\/b\.yml:2: duplicate ConfigMap app\/settings/);
});
