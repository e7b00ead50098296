// The fast reader must never read a file differently from the `yaml` library: whenever it
// accepts a file, the loader's result (objects, lines, annotation lines, errors, warnings) must
// equal the result through `yaml`. Checked on hand-written edge cases, on every YAML file in this
// repository, and on generated files written the way people write manifests (and sloppier).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { fastParseFile } from '../../src/manifests/fast-yaml.js';
import { parseManifestText, parseManifestTextWithYaml } from '../../src/manifests/parse-file.js';

/** Same as `yaml`, or given up on. Returns whether the fast reader took the file. */
function agrees(text: string): boolean {
  if (!fastParseFile(text, () => {})) return false;
  expect({ text, result: parseManifestText(text, 'k8s/app.yaml') }).toEqual({ text, result: parseManifestTextWithYaml(text, 'k8s/app.yaml') });
  return true;
}

const deployment = `# a comment before the document
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels: {app: api, tier: backend}
  annotations:
    argocd.argoproj.io/sync-wave: "2"
    "helm.sh/hook-weight": '-5'
    note: plain words, with commas # and a comment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: registry.example.com/shop/api:1.4.2
        args: ["--port", "8080"]
        command: [serve, --verbose]
        ports:
        - containerPort: 8080
          protocol: TCP
        resources:
          limits: {cpu: 500m, memory: 256Mi}
        env:
        - name: EMPTY
          value: ""
        - name: URL
          value: http://db:5432/shop?sslmode=disable
      volumes: []
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: scripts
data:
  run.sh: |
    #!/bin/sh
    set -e

    echo "starting: $1"
  strip.txt: |-
    no trailing newline
      indented more
  enabled: "true"
  count: 10
  nothing:
  tilde: ~
  negative: -12
  yes: yes
  time: 12:30
`;

describe('the fast YAML reader agrees with yaml', () => {
  it('takes typical manifests (so the fast path is really used) and reads them the same', () => {
    expect(agrees(deployment)).toBe(true);
    const docs: unknown[] = [];
    expect(fastParseFile(deployment, (d) => docs.push(d))).toBe(true);
    expect(docs).toHaveLength(2);
    expect(agrees('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: 80\n    targetPort: http\n')).toBe(true);
    expect(agrees('---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n')).toBe(true);
    expect(agrees('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations: {}\n')).toBe(true);
  });

  const edge: Record<string, string> = {
    tabs: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a:\tb\n',
    CRLF: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n',
    'anchors and aliases': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n a\ndata:\n  b: *n\n',
    'merge key': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: {name: a}\n',
    tags: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: !!str a\n',
    'floats and hex': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: 1.5\n  b: 0x1F\n  c: 1e3\n  d: .inf\n  e: 1_000\n  f: .5\n  g: 1.2.3\n',
    'quoted with escapes': "apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: \"tab\\there\"\n  b: 'it''s'\n",
    'multi-line plain': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: first\n    second\n',
    'multi-line quoted': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: "first\n    second"\n',
    'folded and keep': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: >\n    folded\n  b: |+\n    keep\n\n',
    'literal with leading blank line': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: |\n\n    x\n',
    'literal with indentation indicator': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: |2\n     x\n',
    'literal less indented later': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: |\n      deep\n    shallow\n',
    'literal with comment-like lines': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: |\n    # not a comment\n    ---\n  b: 1\n',
    'literal in a list': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  - |\n   one space\n  - key: |\n     x\n',
    'duplicate keys': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: 1\n  a: 2\n',
    'special keys': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  true: 1\n  null: 2\n  80: 3\n  __proto__: 4\n',
    'plain with colon-space': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: b: c\n',
    'plain ending in colon': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: b:\n',
    indicators: 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: ?b\n  c: :d\n  e: @f\n  g: `h`\n  i: %j\n',
    'flow oddities': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: [a, [b]]\n  b: {a: }\n  c: [a,]\n  d: [-]\n  e: {a: b, a: c}\n  f: [a b]\n',
    'flow over lines': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: [a,\n    b]\n',
    'document end and directives': '%YAML 1.2\n---\napiVersion: v1\nkind: X\nmetadata: {name: a}\n...\n',
    'document start with content': '--- apiVersion: v1\n',
    'top-level list': '- apiVersion: v1\n  kind: X\n',
    'top-level scalar': 'just words\n',
    'indented top level': '  apiVersion: v1\n  kind: X\n',
    'stray indentation': 'apiVersion: v1\nkind: X\nmetadata:\n  name: a\n    extra: 1\n',
    'list items at odd indents':
      'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a:\n  -   x: 1\n      y: 2\n  - - n\n    - m\n  -\n    z: 3\n  - # c\n',
    'quoted keys and values': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  "a b": "c # d"\n  \'e\': f\n  g: "h" # i\n  j: "k" l\n',
    'comments everywhere':
      '# top\napiVersion: v1 # c\nkind: X\n# between\nmetadata:\n    # deeper comment\n  name: a\n#   odd\nspec: # c\n  a: b#c\n  d: e #f\n',
    'annotations not a map': 'apiVersion: v1\nkind: X\nmetadata:\n  name: a\n  annotations: {a: b}\n',
    'annotations null': 'apiVersion: v1\nkind: X\nmetadata:\n  name: a\n  annotations:\n',
    'non-ASCII and control': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\ndata:\n  a: grüße 🚀\n  b: x\u0085y\n  c: \u0001\n',
    numbers: 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: 0123\n  b: +5\n  c: -0\n  d: 12345678901234567890\n  e: 100m\n  f: v1.2\n',
    'booleans and nulls': 'apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec:\n  a: True\n  b: FALSE\n  c: Null\n  d: yes\n  e: off\n  f: tRUE\n',
    'not an object': 'apiVersion: v1\nkind: X\n',
    'List kind with items': 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n',
    'no apiVersion': 'kind: X\nmetadata: {name: a}\n',
    'nothing Kubernetes': 'foo: bar\n',
    'windows of blank lines': '\n\napiVersion: v1\n\nkind: X\n\n\nmetadata:\n\n  name: a\n\n',
    'four dashes': 'apiVersion: v1\n----\n',
  };
  for (const [name, text] of Object.entries(edge)) {
    it(`edge case: ${name}`, () => {
      agrees(text);
    });
  }

  it('every YAML file in this repository', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (e === 'node_modules' || e.startsWith('.')) continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(e)) files.push(p);
      }
    };
    for (const d of ['examples', 'e2e', '__tests__', 'test', 'docs', 'bench']) walk(d);
    expect(files.length).toBeGreaterThan(50);
    let taken = 0;
    for (const f of files) if (agrees(readFileSync(f, 'utf8'))) taken++;
    // Most of them are plain manifests: the fast path must really be the common path.
    expect(taken / files.length).toBeGreaterThan(0.5);
  });
});

// --- generated files ---------------------------------------------------------------------------

const tricky = [
  '',
  ' ',
  'a b',
  'true',
  'null',
  '~',
  '0',
  '-1',
  '+1',
  '1.5',
  '0x1F',
  '1e3',
  '.inf',
  '12:30',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#x',
  '-x',
  '- x',
  '*a',
  '&a',
  '!t',
  '?x',
  ':x',
  'yes',
  "it's",
  'say "hi"',
  'back\\slash',
  'multi\nline',
  'trailing\n',
  'grüße',
  '[a]',
  '{a: b}',
  '%x',
  '@x',
  '100m',
  'x:',
  'a, b',
  '---',
  '...',
];
const key = fc.oneof(
  fc.constantFrom('name', 'app.kubernetes.io/name', 'argocd.argoproj.io/sync-wave', 'a_b', 'x', 'true', '80', 'a b', '"q"', '__proto__'),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  list: fc.array(tie('node'), { maxLength: 3 }),
})).node;

/** Writes a value the way people write manifests, choosing quoting and layout at random — including wrongly. */
function emit(v: unknown, indent: number, r: () => number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${pad}[]`];
    return v.flatMap((item) => {
      const inner = emit(item, indent + 2, r);
      const first = inner[0].slice(indent + 2);
      return [`${pad}- ${first}`, ...inner.slice(1)];
    });
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, val]) => {
      const head = `${pad}${r() < 0.8 ? k : JSON.stringify(k)}:`;
      if (val && typeof val === 'object' && (!Array.isArray(val) || val.length > 0) && Object.keys(val).length > 0) {
        const compact = Array.isArray(val) && r() < 0.5;
        return [head, ...emit(val, compact ? indent : indent + 2, r), ...(r() < 0.1 ? [`${pad}# note`] : [])];
      }
      const inner = emit(val, indent + 2, r);
      if (inner.length === 1) return [`${head} ${inner[0].trimStart()}${r() < 0.1 ? ' # c' : ''}`];
      return [head, ...inner];
    });
  }
  if (typeof v === 'string') {
    const x = r();
    if (v.includes('\n') && x < 0.5)
      return [
        `${pad}|${v.endsWith('\n') ? '' : '-'}`,
        ...v
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `${pad}  ${l}`),
      ];
    if (x < 0.4) return [`${pad}${v}`]; // plain, right or wrong
    if (x < 0.7) return [`${pad}${JSON.stringify(v)}`];
    return [`${pad}'${v.replace(/'/g, "''")}'`];
  }
  return [`${pad}${String(v)}`];
}

describe('generated files', () => {
  it('hand-style writing: the fast reader agrees or gives up', () => {
    let taken = 0;
    fc.assert(
      fc.property(value, fc.dictionary(key, fc.string({ maxLength: 5 }), { maxKeys: 3 }), fc.integer(), (spec, annotations, seed) => {
        let s = seed;
        const r = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations }, spec };
        const text = emit(obj, 0, r).join('\n') + '\n';
        if (agrees(text)) taken++;
      }),
      { numRuns: 1500 },
    );
    expect(taken).toBeGreaterThan(150);
  });

  it("yaml's own writing: the fast reader agrees or gives up", () => {
    let taken = 0;
    fc.assert(
      fc.property(value, (spec) => {
        const text = stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, spec });
        if (agrees(`${text}---\n${text}`)) taken++;
      }),
      { numRuns: 1000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
});
