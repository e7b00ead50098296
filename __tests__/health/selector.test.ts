import { describe, expect, test } from '@jest/globals';
import { podSelectorFor } from '../../src/health/index.js';
import { daemonSet, deployment, job, obj, pod, replicaSet, statefulSet } from './fixtures.js';

describe('podSelectorFor', () => {
  test.each([
    ['Deployment', deployment(undefined), 'app=web'],
    ['StatefulSet', statefulSet(undefined), 'app=db'],
    ['DaemonSet', daemonSet(undefined), 'app=node-agent'],
    ['ReplicaSet', replicaSet(undefined), 'app=web,pod-template-hash=7d9c8b6f5'],
    [
      'matchExpressions',
      deployment(undefined, {
        selector: {
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
            { key: 'env', operator: 'NotIn', values: ['dev'] },
            { key: 'canary', operator: 'DoesNotExist' },
            { key: 'team', operator: 'Exists' },
          ],
        },
      }),
      'app=web,tier in (frontend,edge),env notin (dev),!canary,team',
    ],
    ['Job by controller uid', job(undefined), 'batch.kubernetes.io/controller-uid=0b7e3c1d-5f7a-4d1e-9c2b-8a6f4e3d2c1b'],
    ['Job from a manifest (no uid yet)', obj('batch/v1', 'Job', 'migrate', { spec: { template: {} } }, { uid: undefined }), 'job-name=migrate'],
    ['Job with manualSelector', obj('batch/v1', 'Job', 'migrate', { spec: { manualSelector: true, selector: { matchLabels: { run: 'migrate-7' } } } }), 'run=migrate-7'],
  ])('%s', (_name, workload, selector) => {
    expect(podSelectorFor(workload)).toBe(selector);
  });

  test.each([
    ['an empty selector (would match every pod)', deployment(undefined, { selector: {} })],
    ['an unknown operator', deployment(undefined, { selector: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } })],
    ['a Pod', pod('Running')],
    ['a Service', obj('v1', 'Service', 'web', { spec: { selector: { app: 'web' } } })],
    ['a Deployment of another group', { ...deployment(undefined), apiVersion: 'example.com/v1' }],
  ])('null for %s', (_name, workload) => {
    expect(podSelectorFor(workload)).toBeNull();
  });
});
