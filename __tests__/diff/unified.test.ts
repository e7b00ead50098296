// The unified diff and the Secret masking that mode diff prints.
import { describe, expect, it } from '@jest/globals';
import { unifiedDiff } from '../../src/diff/unified.js';
import { maskSecrets, MASK, MASK_CHANGED, withoutServerFields } from '../../src/diff/normalize.js';
import type { K8sObject } from '../../src/manifests/types.js';

const lines = (n: number, change?: [number, string]) =>
  Array.from({ length: n }, (_, i) => (change && change[0] === i ? change[1] : `line ${i + 1}`)).join('\n') + '\n';

describe('unifiedDiff', () => {
  it('equal texts: no diff', () => {
    expect(unifiedDiff('a\n', 'a\n', 'x', 'y')).toBe('');
  });

  it('one changed line in twenty: one hunk with three lines of context, removal before addition', () => {
    expect(unifiedDiff(lines(20), lines(20, [9, 'changed']), 'live', 'new')).toBe(
      ['--- live', '+++ new', '@@ -7,7 +7,7 @@', ' line 7', ' line 8', ' line 9', '-line 10', '+changed', ' line 11', ' line 12', ' line 13', ''].join('\n'),
    );
  });

  it('a new object: every line added from /dev/null', () => {
    expect(unifiedDiff('', 'a: 1\nb: 2\n', '/dev/null', 'k8s/x.yaml')).toBe('--- /dev/null\n+++ k8s/x.yaml\n@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n');
  });

  it('two changes far apart: two hunks', () => {
    const after = lines(30).replace('line 2\n', 'two\n').replace('line 28\n', 'twenty-eight\n');
    expect(unifiedDiff(lines(30), after, 'a', 'b').match(/^@@/gm)).toHaveLength(2);
  });
});

describe('masking and server fields', () => {
  const secret = (data: Record<string, string>): K8sObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });

  it('Secret values become *** ; a changed one is marked; added and removed keys stay visible', () => {
    const { live, next } = maskSecrets(secret({ same: 'YQ==', changed: 'Yg==', gone: 'Yw==' }), secret({ same: 'YQ==', changed: 'ZA==', added: 'ZQ==' }));
    expect(live?.data).toEqual({ same: MASK, changed: MASK, gone: MASK });
    expect(next?.data).toEqual({ same: MASK, changed: MASK_CHANGED, added: MASK });
  });

  it('other kinds are not masked', () => {
    const cm: K8sObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } };
    expect(maskSecrets(cm, cm).next).toBe(cm);
  });

  it('drops what the server sets', () => {
    const o = withoutServerFields({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'c',
        uid: 'u',
        resourceVersion: '1',
        generation: 2,
        creationTimestamp: 't',
        managedFields: [],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
      },
      status: { x: 1 },
      data: { a: 'b' },
    });
    expect(o).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
  });
});
