// The defects a hostile user found (issue 14), each pinned: every one failed before its fix.
import { afterAll, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadManifests } from '../../src/manifests/load.js';
import { MAX_NESTING_DEPTH } from '../../src/manifests/limits.js';
import { parseManifestText } from '../../src/manifests/parse-file.js';
import { formatProblem } from '../../src/model/problems.js';
import { buildPlan } from '../../src/plan/build-plan.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A throwaway repository: files by relative path (string or bytes), plus symlinks. */
function repo(files: Record<string, string | Uint8Array>, links: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-hostile-'));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  for (const [name, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.symlinkSync(target, path.join(root, name));
  }
  return root;
}

function planText(text: string, file = 'k8s/app.yaml', namespace = 'app') {
  const loaded = parseManifestText(text, file);
  const { plan, errors } = buildPlan(loaded.objects, { app: 'demo', namespace });
  return { plan, errors: [...loaded.errors, ...errors].map(formatProblem) };
}

const cm = (name: string, annotations = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotations ? `  annotations:\n${annotations}` : ''}`;

describe('sync-wave is read as Argo CD reads it: no trimming', () => {
  test.each([
    ['a leading space', `    argocd.argoproj.io/sync-wave: " 3"\n`, '" 3"'],
    ['a trailing space', `    argocd.argoproj.io/sync-wave: "3 "\n`, '"3 "'],
    ['a non-breaking space', `    argocd.argoproj.io/sync-wave: "\\u00a03"\n`, '"\u00a03"'],
    ['a block scalar (trailing newline)', `    argocd.argoproj.io/sync-wave: |\n      3\n`, '"3\\n"'],
    ['a decimal', `    argocd.argoproj.io/sync-wave: "1.5"\n`, '"1.5"'],
  ])('%s is an error at the annotation line', (_what, annotation, shown) => {
    const { errors, plan } = planText(cm('a', annotation));
    expect(errors).toEqual([`k8s/app.yaml:6: argocd.argoproj.io/sync-wave must be an integer such as "-1", "0" or "5" (got ${shown})`]);
    expect(plan.steps.flatMap((s) => s.tasks)).toHaveLength(1);
  });
});

describe('bytes that are not UTF-8', () => {
  test('are an error naming the file and the line of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from(cm('a', '    note: "caf')), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const root = repo({ 'k8s/latin1.yaml': bytes });
    const r = loadManifests(['k8s'], { root });
    expect(r.errors.map(formatProblem)).toEqual(['k8s/latin1.yaml:6: file is not UTF-8 text (byte 0xe9 at offset 80); save it as UTF-8']);
    expect(r.objects).toEqual([]);
  });

  test('a UTF-8 BOM and CRLF line ends stay accepted', () => {
    const root = repo({ 'k8s/bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cm('bom').replace(/\n/g, '\r\n'))]) });
    const r = loadManifests(['k8s'], { root });
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => `${o.source.file}:${o.source.line} ${o.object.metadata.name}`)).toEqual(['k8s/bom.yaml:1 bom']);
  });
});

describe('symbolic links in the manifests directory', () => {
  test('a link to a file or directory inside the repository is followed', () => {
    const root = repo(
      { 'shared/base.yaml': cm('base'), 'shared/more/x.yaml': cm('x'), 'k8s/app.yaml': cm('app') },
      { 'k8s/base.yaml': '../shared/base.yaml', 'k8s/more': '../shared/more' },
    );
    const r = loadManifests(['k8s'], { root });
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => `${o.source.file} ${o.object.metadata.name}`)).toEqual(['k8s/app.yaml app', 'k8s/base.yaml base', 'k8s/more/x.yaml x']);
  });

  test('a link leading outside the repository is an error, and nothing is read through it', () => {
    const outside = repo({ 'secret.yaml': cm('outside') });
    const root = repo({ 'k8s/app.yaml': cm('app') }, { 'k8s/evil.yaml': path.join(outside, 'secret.yaml'), 'k8s/evil-dir': outside });
    const r = loadManifests(['k8s'], { root });
    expect(r.errors.map(formatProblem)).toEqual([
      'k8s/evil-dir: leads outside the repository; only files inside it are read',
      'k8s/evil.yaml: leads outside the repository; only files inside it are read',
    ]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['app']);
  });

  test('a `..` path or glob leading outside the repository is an error', () => {
    const parent = repo({ 'outside.yaml': cm('outside'), 'repo/k8s/app.yaml': cm('app') });
    const root = path.join(parent, 'repo');
    expect(loadManifests(['../outside.yaml'], { root }).errors.map(formatProblem)).toEqual([
      '../outside.yaml: leads outside the repository; only files inside it are read',
    ]);
    const viaGlob = loadManifests(['../*.yaml'], { root });
    expect(viaGlob.objects).toEqual([]);
    expect(viaGlob.errors.map(formatProblem)[0]).toMatch(/outside\.yaml: leads outside the repository/);
  });

  test('a link loop ends; each file is read once', () => {
    const root = repo({ 'k8s/a/app.yaml': cm('app') }, { 'k8s/a/loop': '..', 'k8s/self': '.' });
    const r = loadManifests(['k8s'], { root });
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['app']);
  });
});

describe('deep nesting', () => {
  test.each([
    ['flow', (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "${'['.repeat(n)}"}\nextra: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['block sequences', (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nextra:\n${'- '.repeat(n)}x\n`],
  ])('10,000 levels (%s) say "nested too deeply" with the limit, where the limit is crossed', (_what, make) => {
    const { errors } = planText(make(10_000));
    expect(errors).toEqual([`k8s/app.yaml:5: document is nested too deeply: more than ${MAX_NESTING_DEPTH} levels of maps and lists`]);
  });

  test('nesting up to the limit is fine, and other documents of the file still load', () => {
    const ok = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\nextra: ${'['.repeat(MAX_NESTING_DEPTH - 1)}${']'.repeat(MAX_NESTING_DEPTH - 1)}\n`;
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nextra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const { errors, plan } = planText(`${ok}---\n${deep}---\n${cm('after')}`);
    expect(errors).toEqual([`k8s/app.yaml:9: document is nested too deeply: more than ${MAX_NESTING_DEPTH} levels of maps and lists`]);
    expect(plan.steps.flatMap((s) => s.tasks.map((t) => t.name))).toEqual(['after', 'ok']);
  });
});

describe('aliases', () => {
  test('a 1 MiB string aliased 900 times is refused as too large, at its document', () => {
    const big = 'x'.repeat(1024 * 1024);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  a0: &a "${big}"\n${Array.from({ length: 900 }, (_, i) => `  a${i + 1}: *a\n`).join('')}`;
    const { errors } = planText(text);
    expect(errors).toEqual(['k8s/app.yaml:1: object is larger than 3 MiB once its YAML aliases are expanded; the API server accepts no bigger request']);
  });

  test('an exponential alias bomb hits the alias budget', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const { errors } = planText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\n${levels.join('\n')}\n`);
    expect(errors).toEqual([expect.stringMatching(/^k8s\/app\.yaml:1: too many aliases: expanding them would exceed the limit of \d+/)]);
  });

  test('an alias inside its own anchor is refused (JSON cannot carry it)', () => {
    const { errors } = planText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop}\nspec: &s\n  self: *s\n');
    expect(errors).toEqual(['k8s/app.yaml:1: object contains itself through a YAML alias; it cannot be sent to the API server as JSON']);
  });

  test('a value aliased by the items of a List stays one value, not a copy per object (memory bounded by the input)', () => {
    const items = Array.from(
      { length: 50 },
      (_, i) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm-${i}}\n  data: ${i === 0 ? '&d {blob: "z"}' : '*d'}\n`,
    ).join('');
    const loaded = parseManifestText(`apiVersion: v1\nkind: ConfigMapList\nitems:\n${items}`, 'k8s/app.yaml');
    expect(loaded.errors).toEqual([]);
    expect(loaded.objects).toHaveLength(50);
    const first = loaded.objects[0].object.data;
    expect(first).toEqual({ blob: 'z' });
    for (const m of loaded.objects) expect(m.object.data).toBe(first);
    // Unaliased values are each the object's own.
    expect(loaded.objects[1].object.metadata).not.toBe(loaded.objects[0].object.metadata);
    expect(process.env.PATH).toBeDefined();
  });

  test('tasks share the parsed values instead of copying them', () => {
    const loaded = parseManifestText(`${cm('shared')}data:\n  big: "${'y'.repeat(1000)}"\n`, 'k8s/app.yaml');
    const { plan } = buildPlan(loaded.objects, { app: 'demo', namespace: 'app' });
    const task = plan.steps[0].tasks[0];
    expect(task.object.data).toBe(loaded.objects[0].object.data);
    expect(task.object.metadata).not.toBe(loaded.objects[0].object.metadata);
    expect(task.object.metadata.namespace).toBe('app');
    expect(loaded.objects[0].object.metadata.namespace).toBeUndefined();
  });
});

describe('names, namespaces, labels and annotation keys the API server would refuse', () => {
  const objectText = (kind: string, apiVersion: string, metadata: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n${metadata}`;
  test.each([
    [
      'upper case',
      objectText('ConfigMap', 'v1', '  name: Settings\n'),
      'ConfigMap name "Settings" is not valid: use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
    ],
    ['underscore', objectText('Secret', 'v1', '  name: db_password\n'), 'Secret name "db_password" is not valid'],
    ['254 characters', objectText('ConfigMap', 'v1', `  name: ${'a'.repeat(254)}\n`), 'at most 253 characters'],
    ['a Namespace longer than a DNS label', objectText('Namespace', 'v1', `  name: ${'n'.repeat(64)}\n`), 'at most 63 characters'],
    ['a Namespace with a dot', objectText('Namespace', 'v1', '  name: team.a\n'), 'Namespace name "team.a" is not valid'],
    ['a Service starting with a digit', objectText('Service', 'v1', '  name: 1web\n'), 'starting with a letter'],
    [
      'a bad metadata.namespace',
      objectText('ConfigMap', 'v1', '  name: a\n  namespace: Bad_NS\n'),
      'ConfigMap metadata.namespace "Bad_NS" is not a valid namespace name',
    ],
    [
      'a label value that is a number',
      objectText('ConfigMap', 'v1', '  name: a\n  labels:\n    tier: 3\n'),
      'label tier must be a string; quote the value: "3"',
    ],
    ['a label value that is a boolean', objectText('ConfigMap', 'v1', '  name: a\n  labels:\n    on: true\n'), 'label on must be a string'],
    ['a label value with spaces', objectText('ConfigMap', 'v1', '  name: a\n  labels:\n    tier: "front end"\n'), 'label tier value "front end" is not valid'],
    ['a label key with two slashes', objectText('ConfigMap', 'v1', '  name: a\n  labels:\n    a/b/c: x\n'), 'label key "a/b/c" is not valid'],
    ['labels that are a list', objectText('ConfigMap', 'v1', '  name: a\n  labels: [a, b]\n'), 'metadata.labels must be a map of strings'],
    ['an annotation key with a space', objectText('ConfigMap', 'v1', '  name: a\n  annotations:\n    "my note": x\n'), 'annotation key "my note" is not valid'],
    [
      'a RBAC name with a slash',
      objectText('ClusterRole', 'rbac.authorization.k8s.io/v1', '  name: a/b\n'),
      'ClusterRole name "a/b" is not valid: may not contain "/" or "%"',
    ],
    [
      'a hook generateName in upper case',
      objectText('Job', 'batch/v1', '  generateName: Migrate-\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n'),
      'Job generateName "Migrate-" is not valid',
    ],
  ])('%s', (_what, text, message) => {
    const { errors } = planText(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^k8s\/app\.yaml:\d+: /);
    expect(errors[0]).toContain(message);
  });

  test.each([
    ['RBAC names with ":"', objectText('ClusterRole', 'rbac.authorization.k8s.io/v1', '  name: system:controller:wavesync\n')],
    ['a 253-character name', objectText('ConfigMap', 'v1', `  name: ${Array(4).fill('a'.repeat(62)).join('.')}.a\n`)],
    ['a 63-character Namespace', objectText('Namespace', 'v1', `  name: ${'n'.repeat(63)}\n`)],
    ['prefixed label keys, empty label values', objectText('ConfigMap', 'v1', '  name: a\n  labels:\n    app.kubernetes.io/name: web\n    empty: ""\n')],
    ['custom resources with upper-case names', objectText('Widget', 'example.com/v1', '  name: MyWidget\n')],
    ['a hook generateName ending in "-"', objectText('Job', 'batch/v1', '  generateName: migrate-\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n')],
  ])('valid oddities stay valid: %s', (_what, text) => {
    expect(planText(text).errors).toEqual([]);
  });

  test('the default namespace (--namespace / namespace input) is checked once, without a file', () => {
    const { errors } = planText(cm('a') + '---\n' + cm('b'), 'k8s/app.yaml', 'Bad_NS');
    expect(errors).toEqual([
      'namespace "Bad_NS" (--namespace, or the namespace input) is not a valid namespace name: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
    ]);
  });
});
