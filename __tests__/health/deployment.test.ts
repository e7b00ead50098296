import { describe, expect, test } from '@jest/globals';
import { deploymentHealth } from '../../src/health/deployment.js';
import { cond, deployment } from './fixtures.js';

const progressing = cond('Progressing', 'True', 'NewReplicaSetAvailable', 'ReplicaSet "web-7d9c8b6f5" has successfully progressed.');
const available = cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.');

describe('Deployment health', () => {
  test.each([
    ['paused', deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 3 }, { paused: true }), 'Suspended', 'paused'],
    [
      'generation not observed',
      deployment({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      'Progressing',
      'observe generation 2',
    ],
    ['no status yet', deployment(undefined), 'Progressing', 'observe generation 2'],
    [
      'progress deadline exceeded',
      deployment({
        observedGeneration: 2,
        replicas: 3,
        updatedReplicas: 1,
        availableReplicas: 2,
        conditions: [available, cond('Progressing', 'False', 'ProgressDeadlineExceeded', 'ReplicaSet "web-5f6d" has timed out progressing.')],
      }),
      'Degraded',
      'ProgressDeadlineExceeded: ReplicaSet "web-5f6d" has timed out progressing.',
    ],
    [
      'fewer updated than desired',
      deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 2, availableReplicas: 2, conditions: [available, progressing] }),
      'Progressing',
      'waiting for rollout: 2 of 3 replicas updated',
    ],
    [
      'old replica pending termination',
      deployment({ observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3, conditions: [available, progressing] }),
      'Progressing',
      'waiting for rollout: 1 old replica pending termination',
    ],
    [
      'updated but not yet available',
      deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 1, readyReplicas: 1, conditions: [available, progressing] }),
      'Progressing',
      'waiting for rollout: 1 of 3 updated replicas available',
    ],
    [
      'rolled out',
      deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: [available, progressing] }),
      'Healthy',
      '3 of 3 replicas available',
    ],
    ['scaled to zero', deployment({ observedGeneration: 2 }, { replicas: 0 }), 'Healthy', '0 of 0 replicas available'],
    [
      'replicas defaults to 1',
      deployment({ observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }, { replicas: undefined }),
      'Healthy',
      '1 of 1 replica available',
    ],
  ])('%s', (_name, object, status, message) => {
    const got = deploymentHealth(object);
    expect(got?.status).toBe(status);
    expect(got?.message).toContain(message);
  });

  test('a quota refusal is named while the rollout waits', () => {
    const got = deploymentHealth(
      deployment({
        observedGeneration: 2,
        replicas: 0,
        updatedReplicas: 0,
        conditions: [cond('ReplicaFailure', 'True', 'FailedCreate', 'pods "web-7d9c8b6f5-abcde" is forbidden: exceeded quota: compute'), progressing],
      }),
    );
    expect(got).toEqual({ status: 'Progressing', message: expect.stringContaining('FailedCreate: pods "web-7d9c8b6f5-abcde" is forbidden: exceeded quota') });
  });

  test('other kinds are not judged', () => {
    expect(deploymentHealth({ ...deployment(undefined), apiVersion: 'extensions.example.com/v1' })).toBeNull();
  });
});
