import { describe, expect, test } from '@jest/globals';
import { podHealth } from '../../src/health/pod.js';
import { cond, containerStatus, pod } from './fixtures.js';

const running = { running: { startedAt: '2024-05-01T10:00:03Z' } };

describe('Pod health', () => {
  test.each([
    [
      'pending, not scheduled',
      pod('Pending', { status: { conditions: [cond('PodScheduled', 'False', 'Unschedulable', '0/3 nodes are available: 3 Insufficient cpu.')] } }),
      'Progressing',
      'not scheduled: Unschedulable: 0/3 nodes are available: 3 Insufficient cpu.',
    ],
    [
      'pending while pulling an image that does not exist',
      pod('Pending', {
        containers: [
          containerStatus({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.com/shop/web:nope"' } } }),
        ],
      }),
      'Progressing',
      'container app: ImagePullBackOff: Back-off pulling image',
    ],
    [
      'pending while creating',
      pod('Pending', { containers: [containerStatus({ state: { waiting: { reason: 'ContainerCreating' } } })] }),
      'Progressing',
      'pod pending',
    ],
    [
      'succeeded',
      pod('Succeeded', { restartPolicy: 'Never', containers: [containerStatus({ state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
      'Healthy',
      'completed',
    ],
    [
      'failed',
      pod('Failed', {
        restartPolicy: 'Never',
        containers: [containerStatus({ state: { terminated: { exitCode: 3, reason: 'Error', message: 'relation "orders" does not exist' } } })],
      }),
      'Degraded',
      'container app exit code 3 (Error): relation "orders" does not exist',
    ],
    [
      'evicted',
      pod('Failed', { status: { reason: 'Evicted', message: 'The node was low on resource: memory.' } }),
      'Degraded',
      'Evicted: The node was low on resource: memory.',
    ],
    ['running and ready', pod('Running', { ready: true, containers: [containerStatus({ ready: true, state: running })] }), 'Healthy', 'running and ready'],
    [
      'running, crash looping',
      pod('Running', {
        containers: [
          containerStatus({
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=app pod=web-7d9c8b6f5-x2x4q_shop' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error' } },
          }),
        ],
      }),
      'Degraded',
      'container app: CrashLoopBackOff: back-off 1m20s restarting failed container=app pod=web-7d9c8b6f5-x2x4q_shop (last exit code 1 (Error))',
    ],
    [
      'running, a sidecar cannot read its config',
      pod('Running', {
        containers: [
          containerStatus({ ready: true, state: running }),
          containerStatus({ name: 'proxy', state: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "proxy-tls" not found' } } }),
        ],
      }),
      'Degraded',
      'container proxy: CreateContainerConfigError: secret "proxy-tls" not found',
    ],
    ['running, err image', pod('Running', { containers: [containerStatus({ state: { waiting: { reason: 'ErrImagePull' } } })] }), 'Degraded', 'ErrImagePull'],
    ['running, not ready yet', pod('Running', { containers: [containerStatus({ state: running })] }), 'Progressing', 'waiting for app to be ready'],
    [
      'running to completion (restartPolicy Never)',
      pod('Running', { restartPolicy: 'Never', ready: true, containers: [containerStatus({ ready: true, state: running })] }),
      'Progressing',
      'until its containers complete',
    ],
    ['unknown phase', pod('Unknown'), 'Unknown', 'pod phase Unknown'],
  ])('%s', (_name, object, status, message) => {
    const got = podHealth(object);
    expect(got?.status).toBe(status);
    expect(got?.message).toContain(message);
  });
});
