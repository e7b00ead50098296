import { describe, expect, test } from '@jest/globals';
import { EXIT_USAGE, type Command } from '../../src/cli/io.js';
import { cli } from './helpers.js';

describe('wavesync plan', () => {
  test('--output json prints the documented shape and nothing on stderr', async () => {
    const r = await cli(['plan', '--manifests', 'examples/seeds', '--app', 'seeds', '--namespace', 'seeds', '--revision', 'abc123', '--output', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const plan = JSON.parse(r.stdout);
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['app', 'steps', 'syncFail', 'preDelete', 'postDelete', 'skipped', 'warnings']));
    expect([plan.app, plan.revision]).toEqual(['seeds', 'abc123']);
    const task = plan.steps[0].tasks[0];
    expect(Object.keys(task)).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'name', 'generateName', 'namespace', 'hook', 'deletePolicies', 'syncOptions', 'source']),
    );
    expect(task).not.toHaveProperty('object'); // Secret data never leaves the planner
    expect(r.stdout).not.toContain('not-a-real-key');
  });

  test('text output is a table of phases, waves and tasks with their sources', async () => {
    const r = await cli(['plan', '--manifests', 'examples/seeds', '--app', 'seeds', '--namespace', 'seeds']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Plan for app seeds (default namespace seeds, revision -)');
    expect(lines[1]).toBe('7 tasks in 6 steps');
    expect(lines).toContain('PreSync');
    expect(lines).toContain('  wave -2');
    expect(lines.find((l) => l.includes('seeds/db-migrate'))).toMatch(
      /^ {4}Job +seeds\/db-migrate +hook, delete: BeforeHookCreation,HookSucceeded +examples\/seeds\/01-db-migrate\.yaml:\d+$/,
    );
    expect(lines.find((l) => l.includes('smoke-test-'))).toContain('seeds/smoke-test-*');
    expect(lines).toContain('SyncFail (runs only when the sync fails)');
    expect(r.stdout).not.toContain('not-a-real-key');
  });

  test('invalid manifests: exit 2, one file:line: message per error on stderr, nothing on stdout', async () => {
    const r = await cli(['plan', '--manifests', '__tests__/fixtures/bad-annotations', '--output', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    for (const l of lines) expect(l).toMatch(/^__tests__\/fixtures\/bad-annotations\/bad\.yaml:\d+: \S/);
  });

  test('usage errors: exit 2 with the usage', async () => {
    for (const argv of [['plan'], ['plan', '--manifests', 'x', '--output', 'yaml'], ['plan', '--bogus']]) {
      const r = await cli(argv);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toContain('Usage: wavesync plan');
    }
    const bad = await cli(['plan', '--manifests', 'examples/seeds', '--app', 'Not_Valid']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('app name "Not_Valid" is not valid');
  });

  test('--help prints the usage on stdout, exit 0', async () => {
    const r = await cli(['plan', '--help']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('--manifests PATH');
  });
});

describe('dispatcher', () => {
  const fake: Command[] = [
    { name: 'one', summary: 'first', run: async (argv, io) => (io.stdout(argv.join(',')), 0) },
    { name: 'later', summary: 'second', run: async () => EXIT_USAGE },
  ];

  test('runs the named subcommand with the rest of the arguments', async () => {
    expect(await cli(['one', '--a', 'b'], fake)).toEqual({ code: 0, stdout: '--a,b', stderr: '' });
  });

  test('unknown or missing command: exit 2 naming the commands', async () => {
    const r = await cli(['nope'], fake);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "nope"; accepted: one, later');
    expect((await cli([], fake)).code).toBe(2);
  });

  test('the real registry has plan, sync, diff and delete', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['plan', 'sync', 'diff', 'delete']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});
