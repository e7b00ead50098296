// The committed action bundle, run as the runner does: inputs in INPUT_* variables, outputs and
// the job summary in the files GitHub names.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function runAction(inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wavesync-action-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: process.cwd(),
    GITHUB_REPOSITORY: 'acme/seeds',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    // Nothing listens there: the check run cannot be created and the action falls back to
    // workflow-command annotations, as on a fork.
    GITHUB_API_URL: 'http://127.0.0.1:9',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, ['dist/index.js'], { env, encoding: 'utf8' });
  return { ...r, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

/** GITHUB_OUTPUT's heredoc format: name<<DELIM\nvalue\nDELIM. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

describe('action, mode: plan', () => {
  test('writes the plan to the log and the job summary, and sets the outputs', () => {
    const r = runAction({ manifests: 'examples/seeds', mode: 'plan', namespace: 'seeds', token: 'ghs_secret_token_value' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::group::Plan for app seeds');
    expect(r.stdout).toMatch(/Job +seeds\/db-migrate/);
    expect(r.stdout).toContain('::add-mask::ghs_secret_token_value');
    expect(r.stdout).not.toContain('not-a-real-key');
    expect(r.summary).toContain('db-migrate');
    expect(r.summary).toContain('notify-failure');
    expect(r.outputs.result).toBe('Planned');
    expect(r.outputs.revision).toBe('0123456789abcdef0123456789abcdef01234567');
    const summary = JSON.parse(r.outputs.summary);
    expect(summary.steps.map((s: { phase: string; wave: number }) => `${s.phase} ${s.wave}`)).toEqual([
      'PreSync -2',
      'PreSync -1',
      'Sync 0',
      'Sync 1',
      'Sync 2',
      'PostSync 0',
    ]);
  });

  test('invalid manifests fail the step with an annotation per error at its file and line', () => {
    const r = runAction({ manifests: '__tests__/fixtures/bad-annotations', mode: 'plan' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('::error title=Invalid manifest,file=__tests__/fixtures/bad-annotations/bad.yaml,line=6::');
    expect(r.stdout).toMatch(/^__tests__\/fixtures\/bad-annotations\/bad.yaml:6: argocd.argoproj.io\/hook has unknown value/m);
    expect(r.stdout).toContain('::error::9 validation errors in the manifests; nothing was applied');
    expect(r.outputs.result).toBe('Failed');
    expect(JSON.parse(r.outputs['failed-resources'])).toHaveLength(9);
  });

  test('an invalid mode fails with a clear message; mode delete runs (here: no cluster to run against)', () => {
    const bad = runAction({ manifests: 'examples/seeds', mode: 'apply' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain('input mode: "apply" is not accepted; use one of sync, plan, diff, delete, rollback');
    const teardown = runAction({ manifests: 'examples/seeds', mode: 'delete' });
    expect(teardown.status).not.toBe(0);
    expect(teardown.stdout).toContain('input kubeconfig: no kubeconfig found');
    expect(teardown.stdout).not.toContain('not yet available');
  });
});

describe('action, every mode treats inputs it cannot honour the same way', () => {
  test('mode: plan refuses a renderer that does not fit the manifests, as mode: sync does, and says so', () => {
    const r = runAction({ manifests: 'examples/seeds', mode: 'plan', renderer: 'kustomize' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain('renderer kustomize: examples/seeds is not a directory with a kustomization');
    expect(r.outputs.result).toBe('Failed');
    expect(JSON.parse(r.outputs['failed-resources'])).toEqual([
      expect.objectContaining({ reason: 'Validation', message: expect.stringMatching(/^renderer kustomize/) }),
    ]);
  });

  test('mode: plan with a repository that cannot be fetched fails, naming it, and applies nothing', () => {
    const r = runAction({ manifests: 'k8s', mode: 'plan', repository: 'file:///nonexistent/elsewhere.git', ref: 'v1' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/fetching file:\/\/\/nonexistent\/elsewhere\.git at v1: git fetch failed/);
    expect(r.outputs.result).toBe('Failed');
  });

  test('every input at its action.yml default, as the runner sets them: no warning', async () => {
    const { runnerInputEnv } = await import('../../test/github/runner-inputs.js');
    const env = runnerInputEnv({ manifests: 'examples/seeds', mode: 'plan', token: '' }, { repository: 'acme/seeds', token: '' });
    const inputs = Object.fromEntries(Object.entries(env).map(([k, v]) => [k.slice('INPUT_'.length).toLowerCase(), v]));
    const r = runAction(inputs);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('::warning');
  });
});

describe('action, one result shape whatever stops the run', () => {
  test('invalid inputs: the summary output names the app and conforms to the schema; each bad input is a failed resource', async () => {
    const { resultSchemaErrors } = await import('../../test/result-schema.js');
    const r = runAction({ manifests: 'examples/seeds', mode: 'plan', app: 'seeds', timeout: 'soon' });
    expect(r.status).not.toBe(0);
    const summary = JSON.parse(r.outputs.summary);
    expect(summary).toMatchObject({ app: 'seeds', result: 'Failed', reason: 'Validation' });
    expect(resultSchemaErrors(summary)).toEqual([]);
    expect(JSON.parse(r.outputs['failed-resources'])).toEqual([
      expect.objectContaining({ reason: 'Validation', message: expect.stringMatching(/^input timeout/) }),
    ]);
  });

  test('mode: plan: the summary output is a Planned result in the same shape', async () => {
    const { resultSchemaErrors } = await import('../../test/result-schema.js');
    const r = runAction({ manifests: 'examples/seeds', mode: 'plan', namespace: 'seeds' });
    expect(r.status).toBe(0);
    expect(resultSchemaErrors(JSON.parse(r.outputs.summary))).toEqual([]);
  });
});
