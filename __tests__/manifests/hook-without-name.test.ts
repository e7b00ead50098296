import { expect, test } from '@jest/globals';
import { parseManifestText } from '../../src/manifests/index.js';
import { formatProblem } from '../../src/model/problems.js';

// SEMANTICS 4: a hook needs metadata.name or metadata.generateName; Argo CD would invent a name.
test('a hook with neither name nor generateName is an error at its file and line', () => {
  const text = [
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: fine }\n',
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations: { argocd.argoproj.io/hook: PreSync }\nspec: {}\n',
  ].join('---\n');
  const loaded = parseManifestText(text, 'k8s/hooks.yaml');
  expect(loaded.objects.map((o) => o.object.metadata.name)).toEqual(['fine']);
  expect(loaded.errors.map(formatProblem)).toEqual([
    expect.stringMatching(/^k8s\/hooks\.yaml:5: Job has no metadata\.name \(or metadata\.generateName, for hooks\)/),
  ]);
});

test('a generateName hook is accepted', () => {
  const loaded = parseManifestText(
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: smoke-\n  annotations: { argocd.argoproj.io/hook: PostSync }\nspec: {}\n',
    'k8s/hooks.yaml',
  );
  expect(loaded.errors).toEqual([]);
  expect(loaded.objects[0].object.metadata.generateName).toBe('smoke-');
});
