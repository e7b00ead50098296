// The object sent for a task: its metadata is its own, everything else stays shared with the plan
// (a value a YAML alias repeats across 900 objects must not be copied 900 times).
import { expect, test } from '@jest/globals';
import { liveObjectFor } from '../../src/sync/live-object.js';
import { planOf } from './fake-controllers.js';

test('liveObjectFor names and places the object without copying its nested values or changing the plan', () => {
  const plan = planOf(
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: seed-\n  annotations: {argocd.argoproj.io/hook: PreSync}\nspec: {template: {spec: {containers: [{name: m, image: x}]}}}\n',
  );
  const task = plan.steps[0].tasks[0];
  const obj = liveObjectFor(task, 'seed-abc12');
  expect(obj.metadata).toMatchObject({ name: 'seed-abc12', namespace: 'app' });
  expect(obj.metadata.generateName).toBeUndefined();
  expect(obj.spec).toBe(task.object.spec);
  expect(task.object.metadata.name).toBeUndefined();
  expect(task.object.metadata.generateName).toBe('seed-');
});
