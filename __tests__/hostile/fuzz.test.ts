// Property-based fuzzing of the loader and the planner: whatever the bytes, text or object shapes,
// they end in validation errors (each at a file and line) or a plan, never in a thrown exception.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseManifestText } from '../../src/manifests/parse-file.js';
import { decodeManifest } from '../../src/manifests/read-text.js';
import type { ValidationError } from '../../src/manifests/types.js';
import { buildPlan } from '../../src/plan/build-plan.js';

/** Bytes → text → objects → plan, as loadManifests and preparePlan chain them. */
function loadAndPlan(bytes: Uint8Array, namespace = 'app'): ValidationError[] {
  const decoded = decodeManifest(bytes);
  if (!('text' in decoded)) return [{ source: { file: 'f.yaml', line: decoded.line ?? 0 }, message: decoded.message }];
  const loaded = parseManifestText(decoded.text, 'f.yaml');
  const { errors } = buildPlan(loaded.objects, { app: 'fuzz', namespace });
  return [...loaded.errors, ...errors];
}

function wellFormed(errors: ValidationError[], lines: number): void {
  for (const e of errors) {
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message).not.toMatch(/Maximum call stack|undefined is not|Cannot read prop/);
    if (e.source) {
      expect(e.source.file).toBe('f.yaml');
      expect(e.source.line).toBeGreaterThanOrEqual(1);
      expect(e.source.line).toBeLessThanOrEqual(lines + 1);
    }
  }
}

const lineCount = (b: Uint8Array) => b.reduce((n, c) => n + (c === 10 ? 1 : 0), 1);
const utf8 = (s: string) => new TextEncoder().encode(s);

// Pieces of YAML that hit the parser's corners: flow and block collections, anchors, aliases,
// merge keys, tags, block scalars, directives, document markers, and Kubernetes-looking keys.
const PIECES = [
  'apiVersion: v1',
  'apiVersion: apps/v1',
  'kind: ConfigMap',
  'kind: List',
  'kind: Namespace',
  'kind: Job',
  'metadata:',
  '  name: a',
  '  name: A_b',
  '  generateName: g-',
  '  namespace: ns',
  '  labels:',
  '  annotations:',
  '    argocd.argoproj.io/hook: PreSync',
  '    argocd.argoproj.io/sync-wave: "1"',
  '    argocd.argoproj.io/sync-wave: |',
  '    argocd.argoproj.io/sync-options: Replace=true',
  '    x: 1',
  'items:',
  '- ',
  '  - ',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ': ',
  '&a ',
  '*a',
  '<<: *a',
  '!!str ',
  '!!binary ',
  '!custom ',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '"',
  "'",
  '\\',
  '#',
  '\t',
  '\r',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '0x10',
  '1e9',
  '~',
  'null',
  'true',
  '? ',
  '  ',
  '\n',
  '\n',
  '\n',
];
const arbYaml = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('the loader and planner never throw', () => {
  test('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        wellFormed(loadAndPlan(bytes), lineCount(bytes));
      }),
      { numRuns: 400 },
    );
  });

  test('on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const bytes = utf8(text);
        wellFormed(loadAndPlan(bytes), lineCount(bytes));
      }),
      { numRuns: 400 },
    );
  });

  test('on YAML-shaped text built from tricky pieces', () => {
    fc.assert(
      fc.property(arbYaml, (text) => {
        const bytes = utf8(text);
        wellFormed(loadAndPlan(bytes), lineCount(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  test('on objects of any shape (as JSON), with any namespace input', () => {
    const arbMeta = fc.record(
      {
        name: fc.oneof(fc.string(), fc.anything()),
        generateName: fc.oneof(fc.string(), fc.anything()),
        namespace: fc.oneof(fc.string(), fc.anything()),
        labels: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything())), fc.anything()),
        annotations: fc.oneof(
          fc.dictionary(
            fc.constantFrom(
              'argocd.argoproj.io/hook',
              'argocd.argoproj.io/sync-wave',
              'argocd.argoproj.io/hook-delete-policy',
              'argocd.argoproj.io/sync-options',
              'helm.sh/hook',
              'helm.sh/hook-weight',
              'helm.sh/hook-delete-policy',
              'x',
            ),
            fc.oneof(fc.string(), fc.constantFrom('PreSync,PostSync', 'Skip', '-1', '2147483647', 'Prune=false', 'pre-install', 'test'), fc.anything()),
          ),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    );
    const arbObject = fc.record(
      {
        apiVersion: fc.oneof(fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'apiextensions.k8s.io/v1', 'example.com/v1'), fc.anything()),
        kind: fc.oneof(
          fc.constantFrom('ConfigMap', 'Namespace', 'Service', 'Job', 'CustomResourceDefinition', 'ConfigMapList', 'List', 'Widget'),
          fc.anything(),
        ),
        metadata: fc.oneof(arbMeta, fc.anything()),
        items: fc.array(fc.anything(), { maxLength: 3 }),
        spec: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(arbObject, { maxLength: 6 }), fc.oneof(fc.constantFrom('app', 'Bad_NS', ''), fc.string()), (objects, namespace) => {
        const text = objects.map((o) => JSON.stringify(o) ?? 'null').join('\n---\n');
        const bytes = utf8(text);
        wellFormed(loadAndPlan(bytes, namespace), lineCount(bytes));
      }),
      { numRuns: 600 },
    );
  });
});
