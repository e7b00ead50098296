import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { loadManifests } from '../../src/manifests/load.js';
import { parseManifestText } from '../../src/manifests/parse-file.js';

const root = process.cwd();
const lists = '__tests__/fixtures/lists';
const names = (r: ReturnType<typeof loadManifests>) => r.objects.map((o) => `${o.source.file}:${o.source.line} ${o.object.kind}/${o.object.metadata.name}`);

describe('loading paths', () => {
  test('a directory is read recursively (yaml, yml, json), skipping hidden directories; Lists are flattened', () => {
    const r = loadManifests([lists], { root });
    expect(r.errors).toEqual([]);
    expect(names(r)).toEqual([
      `${lists}/list.yaml:4 ConfigMap/first`,
      `${lists}/list.yaml:8 Secret/second`,
      `${lists}/nested/deep.yml:1 ConfigMap/nested`,
      `${lists}/object.json:1 ConfigMap/from-json`,
    ]);
    expect(r.warnings).toEqual([{ source: { file: `${lists}/list.yaml`, line: 15 }, message: expect.stringContaining('not a Kubernetes object') }]);
  });

  test('globs, relative to cwd; sources stay relative to the root; a file named twice is read once', () => {
    const r = loadManifests(['lists/*.json', 'lists/**/*.yml', 'lists/object.json'], { root, cwd: path.join(root, '__tests__/fixtures') });
    expect(names(r)).toEqual([`${lists}/object.json:1 ConfigMap/from-json`, `${lists}/nested/deep.yml:1 ConfigMap/nested`]);
  });

  test('missing paths, empty globs and no paths are errors that say what is accepted', () => {
    expect(loadManifests(['nope/', 'none/*.yaml'], { root }).errors.map((e) => e.message)).toEqual([
      'nope/: no such file or directory (give a file, a directory or a glob)',
      'none/*.yaml: no .yaml, .yml or .json file matches this pattern',
    ]);
    expect(loadManifests([], { root }).errors).toHaveLength(1);
  });
});

describe('parsing', () => {
  test('each object keeps the line its document starts on, and its annotation lines', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: a}',
      '---',
      '',
      '# comment',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: b',
      '  annotations:',
      '    x: "1"',
      '    y: "2"',
      '',
    ].join('\n');
    const r = parseManifestText(text, 'f.yaml');
    expect(r.objects.map((o) => [o.source.line, o.annotationLines ?? null])).toEqual([
      [1, null],
      [7, { x: 12, y: 13 }],
    ]);
  });

  test('documents that are not objects: empty ones skipped, incomplete ones are errors', () => {
    const text = ['---', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {}', '---', '- a list', '---', 'kind: Pod', 'metadata: {name: p}', ''].join(
      '\n',
    );
    const r = parseManifestText(text, 'f.yaml');
    expect(r.objects).toEqual([]);
    expect(r.errors.map((e) => [e.source?.line, e.message])).toEqual([
      [3, 'ConfigMap has no metadata.name (or metadata.generateName, for hooks)'],
      [7, 'document is not a Kubernetes object: expected a map with apiVersion, kind and metadata'],
      [9, 'object has no apiVersion (a string such as "v1" or "apps/v1")'],
    ]);
  });

  test('duplicate keys in one document are YAML errors', () => {
    const r = parseManifestText('apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: a}\n', 'f.yaml');
    expect(r.errors.map((e) => e.source?.line)).toEqual([3]);
  });
});
