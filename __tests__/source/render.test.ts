// Rendering: kustomize (kubectl kustomize here) and Helm (built into the test cache) give objects
// whose sources are the user's files, and the plan follows the annotations they carry.
import { describe, expect, it, beforeAll } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { prepareSource } from '../../src/source/prepare.js';
import { HELM_MISSING } from '../../src/source/helm.js';
import { KUSTOMIZE_MISSING } from '../../src/source/kustomize.js';
import { HELM_REPO, KUSTOMIZE_REPO } from '../../test/source/fixtures.js';
import { pathWithHelm, pathWithOnly, writeRepo } from '../../test/source/tools.js';

let PATH = '';
beforeAll(
  () => {
    PATH = pathWithHelm();
  },
  30 * 60 * 1000,
);

const prepare = (root: string, manifests: string[], extra: Partial<Parameters<typeof prepareSource>[0]['render'] & object> = {}) =>
  prepareSource({ manifests, root, app: 'shop', namespace: 'team-a', revision: 'abc', render: { renderer: 'auto', env: { PATH }, ...extra } });

const lineOf = (root: string, file: string, text: string) =>
  fs
    .readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

describe('kustomize', () => {
  it('an overlay with a PreSync hook patched in: the hook runs in PreSync, objects point at the base files, no origin annotation is left', async () => {
    const root = writeRepo(KUSTOMIZE_REPO);
    const { plan, errors } = await prepare(root, ['deploy/overlays/prod']);
    expect(errors).toEqual([]);
    const tasks = plan.steps.flatMap((s) => s.tasks.map((t) => ({ phase: s.phase, kind: t.kind, name: t.name, source: t.source })));
    expect(tasks).toEqual([
      { phase: 'PreSync', kind: 'Job', name: 'prod-migrate', source: { file: 'deploy/base/migrate.yaml', line: 1 } },
      { phase: 'Sync', kind: 'ConfigMap', name: 'prod-web-config', source: { file: 'deploy/base/web.yaml', line: 2 } },
      {
        phase: 'Sync',
        kind: 'Deployment',
        name: 'prod-web',
        source: { file: 'deploy/base/web.yaml', line: lineOf(root, 'deploy/base/web.yaml', 'apiVersion: apps/v1') },
      },
    ]);
    for (const t of plan.steps.flatMap((s) => s.tasks)) expect(Object.keys(t.object.metadata.annotations ?? {})).not.toContain('config.kubernetes.io/origin');
    // The user's kustomization is unchanged (the origin annotations come from a throwaway wrapper).
    expect(fs.readFileSync(path.join(root, 'deploy/overlays/prod/kustomization.yaml'), 'utf8')).toBe(KUSTOMIZE_REPO['deploy/overlays/prod/kustomization.yaml']);
  });

  it('renderer: auto leaves a plain directory to the YAML loader; renderer: kustomize insists on a kustomization', async () => {
    const root = writeRepo({ 'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n' });
    expect((await prepare(root, ['plain'])).plan.steps[0].tasks[0].source).toEqual({ file: 'plain/cm.yaml', line: 1 });
    const { errors } = await prepare(root, ['plain'], { renderer: 'kustomize' });
    expect(errors).toEqual([{ source: null, message: expect.stringMatching(/^renderer kustomize: plain is not a directory with a kustomization/) }]);
  });

  it("a failing build is an error at the kustomization with kustomize's own words", async () => {
    const root = writeRepo({ 'k/kustomization.yaml': 'resources:\n- missing.yaml\n' });
    const { errors } = await prepare(root, ['k']);
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toEqual({ file: 'k/kustomization.yaml', line: 1 });
    expect(errors[0].message).toMatch(/^kubectl kustomize failed:\n[\s\S]*missing\.yaml/);
    expect(errors[0].message).not.toMatch(/wavesync-kustomize-/);
  });

  it('neither kustomize nor kubectl installed: the error says what to install', async () => {
    const root = writeRepo(KUSTOMIZE_REPO);
    const { errors } = await prepare(root, ['deploy/overlays/prod'], { env: { PATH: pathWithOnly([]) } });
    expect(errors).toEqual([{ source: { file: 'deploy/overlays/prod/kustomization.yaml', line: 1 }, message: KUSTOMIZE_MISSING }]);
  });
});

describe('helm', () => {
  it('a chart with pre-install/post-install hooks and weights: PreSync by weight, PostSync, objects point at their templates', async () => {
    const root = writeRepo(HELM_REPO);
    const { plan, errors } = await prepare(root, ['charts/shop']);
    expect(errors).toEqual([]);
    const rows = plan.steps.flatMap((s) => s.tasks.map((t) => `${s.phase} ${s.wave} ${t.kind} ${t.name} ${t.namespace} ${t.source.file}:${t.source.line}`));
    const hooks = 'charts/shop/templates/hooks.yaml';
    const config = 'charts/shop/templates/config.yaml';
    expect(rows).toEqual([
      `PreSync -5 ConfigMap shop-schema-marker team-a ${hooks}:3`,
      `PreSync -4 ConfigMap shop-seed-marker team-a ${hooks}:3`,
      `Sync 0 ConfigMap shop-config team-a ${config}:1`,
      `Sync 0 ConfigMap shop-kube team-a ${config}:${lineOf(root, config, 'name: {{ .Release.Name }}-kube') - 3}`,
      `PostSync 3 Job shop-smoke team-a ${hooks}:${lineOf(root, hooks, 'kind: Job') - 1}`,
    ]);
    const smoke = plan.steps.at(-1)!.tasks[0];
    expect(smoke.deletePolicies).toEqual(['HookSucceeded']);
  });

  it('values files, --set and the kube version reach the templates', async () => {
    const root = writeRepo({ ...HELM_REPO, 'env/prod.yaml': 'greeting: from-file\n' });
    const { plan, errors } = await prepare(root, ['charts/shop'], {
      helmValues: ['env/prod.yaml'],
      helmSet: ['image=registry.example/shop:2.0'],
      kubeVersion: 'v1.31.2',
    });
    expect(errors).toEqual([]);
    const objects = plan.steps.flatMap((s) => s.tasks.map((t) => t.object)) as { metadata: { name: string }; data?: Record<string, string>; spec?: unknown }[];
    expect(objects.find((o) => o.metadata.name === 'shop-config')?.data?.greeting).toBe('from-file');
    expect(objects.find((o) => o.metadata.name === 'shop-kube')?.data?.version).toBe('v1.31.2');
    expect(JSON.stringify(objects.find((o) => o.metadata.name === 'shop-smoke'))).toContain('registry.example/shop:2.0');
  });

  it('a template error points at the template line helm names; a missing values file is named', async () => {
    const root = writeRepo({
      ...HELM_REPO,
      'charts/shop/templates/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.nope.deeper }}\n',
    });
    const { errors } = await prepare(root, ['charts/shop']);
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toEqual({ file: 'charts/shop/templates/bad.yaml', line: 4 });
    expect(errors[0].message).toMatch(/^helm template failed:\n[\s\S]*nil pointer/);
    const missing = await prepare(writeRepo(HELM_REPO), ['charts/shop'], { helmValues: ['nope.yaml'] });
    expect(missing.errors).toEqual([
      { source: { file: 'charts/shop/Chart.yaml', line: 1 }, message: 'helm values file nope.yaml not found (looked at nope.yaml)' },
    ]);
  });

  it("a dependency not in charts/: helm's words and the command to run, at Chart.yaml", async () => {
    const root = writeRepo({
      ...HELM_REPO,
      'charts/shop/Chart.yaml':
        'apiVersion: v2\nname: shop\nversion: 0.1.0\ndependencies:\n- name: redis\n  version: 1.0.0\n  repository: https://example.invalid/charts\n',
    });
    const { errors } = await prepare(root, ['charts/shop']);
    expect(errors).toEqual([
      {
        source: { file: 'charts/shop/Chart.yaml', line: 1 },
        message: expect.stringMatching(/missing in charts\/ directory: redis\nrun `helm dependency build charts\/shop` in an earlier step/),
      },
    ]);
  });

  it('helm not installed: the error says what to install', async () => {
    const { errors } = await prepare(writeRepo(HELM_REPO), ['charts/shop'], { env: { PATH: pathWithOnly(['kubectl']) } });
    expect(errors).toEqual([{ source: { file: 'charts/shop/Chart.yaml', line: 1 }, message: HELM_MISSING }]);
  });
});

describe('tool choice', () => {
  it('kustomize on PATH is preferred to kubectl kustomize', async () => {
    const dir = pathWithOnly(['kubectl']);
    fs.writeFileSync(path.join(dir, 'kustomize'), '#!/bin/sh\n[ "$1" = build ] || exit 9\nshift\nexec kubectl kustomize "$@"\n', { mode: 0o755 });
    const ok = await prepare(writeRepo(KUSTOMIZE_REPO), ['deploy/overlays/prod'], { env: { PATH: dir } });
    expect(ok.errors).toEqual([]);
    expect(ok.plan.steps.flatMap((s) => s.tasks).map((t) => t.source.file)).toContain('deploy/base/migrate.yaml');
    const bad = await prepare(writeRepo({ 'k/kustomization.yaml': 'resources:\n- missing.yaml\n' }), ['k'], { env: { PATH: dir } });
    expect(bad.errors[0].message).toMatch(/^kustomize build failed:/);
  });
});
