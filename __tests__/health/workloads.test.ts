// StatefulSet, DaemonSet and ReplicaSet: one row per branch of the SEMANTICS health table.
import { describe, expect, test } from '@jest/globals';
import { statefulSetHealth } from '../../src/health/statefulset.js';
import { daemonSetHealth } from '../../src/health/daemonset.js';
import { replicaSetHealth } from '../../src/health/replicaset.js';
import type { HealthRule } from '../../src/health/types.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { cond, daemonSet, replicaSet, statefulSet } from './fixtures.js';

function expectHealth(rule: HealthRule, object: K8sObject, status: string, message: string) {
  const got = rule(object);
  expect(got?.status).toBe(status);
  expect(got?.message).toContain(message);
}

const revs = { currentRevision: 'db-5c9d7f8b4', updateRevision: 'db-5c9d7f8b4' };

describe('StatefulSet health', () => {
  test.each([
    ['generation not observed', statefulSet({ observedGeneration: 1, replicas: 3, readyReplicas: 3, ...revs }), 'Progressing', 'observe generation 2'],
    [
      'not all ready',
      statefulSet({ observedGeneration: 2, replicas: 3, readyReplicas: 2, currentReplicas: 3, updatedReplicas: 3, ...revs }),
      'Progressing',
      '2 of 3 replicas ready',
    ],
    [
      'partition not reached',
      statefulSet(
        { observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 0, currentRevision: 'db-1', updateRevision: 'db-2' },
        { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } },
      ),
      'Progressing',
      '0 of 2 replicas above partition 1 updated',
    ],
    [
      'partition reached',
      statefulSet(
        { observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 2, currentRevision: 'db-1', updateRevision: 'db-2' },
        { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } },
      ),
      'Healthy',
      'partitioned rollout complete',
    ],
    [
      'OnDelete',
      statefulSet(
        { observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 0, currentRevision: 'db-1', updateRevision: 'db-2' },
        { updateStrategy: { type: 'OnDelete' } },
      ),
      'Healthy',
      'OnDelete',
    ],
    [
      'revision rolling',
      statefulSet({ observedGeneration: 2, replicas: 3, readyReplicas: 3, updatedReplicas: 1, currentRevision: 'db-1', updateRevision: 'db-2' }),
      'Progressing',
      '1 of 3 replicas at revision db-2',
    ],
    [
      'rolled out',
      statefulSet({ observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, ...revs }),
      'Healthy',
      '3 of 3 replicas ready',
    ],
    ['no status yet', statefulSet(undefined), 'Progressing', 'observe generation'],
  ])('%s', (_name, object, status, message) => expectHealth(statefulSetHealth, object, status, message));
});

describe('DaemonSet health', () => {
  const base = { currentNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3 };
  test.each([
    [
      'generation not observed',
      daemonSet({ ...base, observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }),
      'Progressing',
      'observe generation 2',
    ],
    [
      'OnDelete',
      daemonSet(
        { ...base, observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 0, numberAvailable: 3 },
        { updateStrategy: { type: 'OnDelete' } },
      ),
      'Healthy',
      'OnDelete',
    ],
    [
      'not all updated',
      daemonSet({ ...base, observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 2, numberAvailable: 3 }),
      'Progressing',
      '2 of 3 pods updated',
    ],
    [
      'not all available',
      daemonSet({ ...base, observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 1, numberUnavailable: 2 }),
      'Progressing',
      '1 of 3 updated pods available',
    ],
    [
      'rolled out',
      daemonSet({ ...base, observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 }),
      'Healthy',
      '3 of 3 pods available',
    ],
  ])('%s', (_name, object, status, message) => expectHealth(daemonSetHealth, object, status, message));
});

describe('ReplicaSet health', () => {
  test.each([
    ['generation not observed', replicaSet({ observedGeneration: 0, replicas: 2, availableReplicas: 2 }), 'Progressing', 'observe generation 1'],
    [
      'replica failure',
      replicaSet({
        observedGeneration: 1,
        replicas: 0,
        conditions: [cond('ReplicaFailure', 'True', 'FailedCreate', 'pods "web-7d9c8b6f5-q8k2l" is forbidden: exceeded quota: compute')],
      }),
      'Degraded',
      'FailedCreate: pods "web-7d9c8b6f5-q8k2l" is forbidden',
    ],
    [
      'not all available',
      replicaSet({ observedGeneration: 1, replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 }),
      'Progressing',
      '1 of 2 replicas available',
    ],
    [
      'all available',
      replicaSet({ observedGeneration: 1, replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2 }),
      'Healthy',
      '2 of 2 replicas available',
    ],
  ])('%s', (_name, object, status, message) => expectHealth(replicaSetHealth, object, status, message));
});
