import { describe, expect, test } from '@jest/globals';
import { findPodCause, formatPodCause, type FirstSeen, type PodCause } from '../../src/health/pod-cause.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { containerStatus, obj, pod } from './fixtures.js';

const T0 = Date.parse('2024-05-01T10:00:00Z');
const MIN = 60_000;

const imagePull = (reason = 'ImagePullBackOff', name = 'web-7d9c8b6f5-x2x4q') =>
  pod('Pending', {
    name,
    containers: [containerStatus({ state: { waiting: { reason, message: 'Back-off pulling image "registry.example.com/shop/web:nope"' } } })],
  });

const crashLoop = (
  restarts: number,
  state: Record<string, unknown> = {
    waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web-7d9c8b6f5-x2x4q_shop' },
  },
  ready = false,
) =>
  pod('Running', {
    containers: [
      containerStatus({
        restartCount: restarts,
        ready,
        state,
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: '2024-05-01T10:00:30Z', finishedAt: '2024-05-01T10:00:31Z' } },
      }),
    ],
  });

function observe(firstSeen: FirstSeen, pods: K8sObject[], at: number, failFastAfterMs = MIN): PodCause | null {
  return findPodCause(pods, { now: at, failFastAfterMs, firstSeen });
}

describe('findPodCause', () => {
  test.each(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'CrashLoopBackOff'])(
    '%s fails fast only after the threshold',
    (reason) => {
      const seen: FirstSeen = new Map();
      const pods = [imagePull(reason)];
      expect(observe(seen, pods, T0)).toBeNull();
      expect(observe(seen, pods, T0 + MIN - 1)).toBeNull();
      expect(observe(seen, pods, T0 + MIN)).toMatchObject({ reason, pod: 'web-7d9c8b6f5-x2x4q', namespace: 'shop', container: 'app', waitingMs: MIN });
    },
  );

  test('other waiting reasons never fail fast', () => {
    const seen: FirstSeen = new Map();
    const creating = pod('Pending', { containers: [containerStatus({ state: { waiting: { reason: 'ContainerCreating' } } })] });
    expect(observe(seen, [creating], T0)).toBeNull();
    expect(observe(seen, [creating], T0 + 10 * MIN)).toBeNull();
    expect(seen.size).toBe(0);
  });

  test('a threshold of 0 fails at the first sighting', () => {
    expect(observe(new Map(), [imagePull()], T0, 0)?.reason).toBe('ImagePullBackOff');
  });

  test('ErrImagePull and ImagePullBackOff alternating keep one clock', () => {
    const seen: FirstSeen = new Map();
    expect(observe(seen, [imagePull('ErrImagePull')], T0)).toBeNull();
    expect(observe(seen, [imagePull('ImagePullBackOff')], T0 + 20_000)).toBeNull();
    expect(observe(seen, [imagePull('ErrImagePull')], T0 + 40_000)).toBeNull();
    expect(observe(seen, [imagePull('ImagePullBackOff')], T0 + MIN)).toMatchObject({ reason: 'ImagePullBackOff', waitingMs: MIN });
  });

  test('a crash loop keeps its clock through the short runs between back-offs', () => {
    const seen: FirstSeen = new Map();
    expect(observe(seen, [crashLoop(2)], T0)).toBeNull();
    // Restarted: running (ready, no probe) for a second, then crashes again.
    const justRestarted = crashLoop(3, { running: { startedAt: new Date(T0 + 30_000).toISOString() } }, true);
    expect(observe(seen, [justRestarted], T0 + 31_000)).toBeNull();
    expect(observe(seen, [crashLoop(3)], T0 + MIN)).toMatchObject({
      reason: 'CrashLoopBackOff',
      restartCount: 3,
      message: 'back-off 40s restarting failed container=app pod=web-7d9c8b6f5-x2x4q_shop; last exit code 1 (Error)',
    });
  });

  test('a container that recovered starts a fresh clock', () => {
    const seen: FirstSeen = new Map();
    observe(seen, [imagePull()], T0);
    const running = pod('Running', { ready: true, containers: [containerStatus({ ready: true, state: { running: { startedAt: '2024-05-01T10:00:20Z' } } })] });
    expect(observe(seen, [running], T0 + 30_000)).toBeNull();
    expect(seen.size).toBe(0);
    expect(observe(seen, [imagePull()], T0 + 40_000)).toBeNull();
    expect(observe(seen, [imagePull()], T0 + 40_000 + MIN)).not.toBeNull();
  });

  test('a stable run ends a crash loop episode', () => {
    const seen: FirstSeen = new Map();
    observe(seen, [crashLoop(2)], T0);
    const stable = crashLoop(3, { running: { startedAt: new Date(T0 + 10_000).toISOString() } }, true);
    observe(seen, [stable], T0 + 10_000 + MIN);
    expect(seen.size).toBe(0);
  });

  test("a replaced pod does not inherit the old pod's clock", () => {
    const seen: FirstSeen = new Map();
    observe(seen, [imagePull('ImagePullBackOff', 'web-7d9c8b6f5-old01')], T0);
    expect(observe(seen, [imagePull('ImagePullBackOff', 'web-7d9c8b6f5-new01')], T0 + MIN)).toBeNull();
    expect([...seen.keys()]).toEqual(['shop/web-7d9c8b6f5-new01/app/image']);
  });

  test('terminating pods are ignored', () => {
    const terminating = imagePull();
    terminating.metadata.deletionTimestamp = '2024-05-01T10:00:10Z';
    expect(observe(new Map(), [terminating], T0, 0)).toBeNull();
  });

  test('the first pod in order that passed the threshold is reported; init containers first', () => {
    const seen: FirstSeen = new Map();
    const initStuck = pod('Pending', {
      name: 'web-7d9c8b6f5-b',
      initContainers: [containerStatus({ name: 'migrate', state: { waiting: { reason: 'CreateContainerConfigError', message: 'configmap "db" not found' } } })],
      containers: [containerStatus({ state: { waiting: { reason: 'PodInitializing' } } })],
    });
    observe(seen, [imagePull('ImagePullBackOff', 'web-7d9c8b6f5-a')], T0);
    const cause = observe(seen, [imagePull('ImagePullBackOff', 'web-7d9c8b6f5-a'), initStuck], T0 + 30_000, 30_000);
    expect(cause?.pod).toBe('web-7d9c8b6f5-a');
    expect(observe(seen, [initStuck], T0 + 61_000, 30_000)).toMatchObject({
      pod: 'web-7d9c8b6f5-b',
      container: 'migrate',
      reason: 'CreateContainerConfigError',
    });
  });
});

const event = (reason: string, message: string, count: number, last: string, podName = 'web-7d9c8b6f5-x2x4q', type = 'Warning') =>
  obj('v1', 'Event', `${podName}.17c9a1b2c3d4e5f6`, {
    involvedObject: { kind: 'Pod', namespace: 'shop', name: podName, uid: 'a1', apiVersion: 'v1', fieldPath: 'spec.containers{app}' },
    reason,
    message,
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: '2024-05-01T10:00:01Z',
    lastTimestamp: last,
    count,
    type,
    reportingComponent: 'kubelet',
  });

describe('formatPodCause', () => {
  const cause: PodCause = {
    reason: 'ImagePullBackOff',
    namespace: 'shop',
    pod: 'web-7d9c8b6f5-x2x4q',
    container: 'app',
    message: 'Back-off pulling image "registry.example.com/shop/web:nope"',
    restartCount: 0,
    waitingMs: 75_000,
  };

  test("headline with pod, container, restarts and wait, then the pod's last events oldest first", () => {
    const events = [
      event('Failed', 'Error: ImagePullBackOff', 5, '2024-05-01T10:01:10Z'),
      event('Scheduled', 'Successfully assigned shop/web-7d9c8b6f5-x2x4q to node-1', 1, '2024-05-01T10:00:01Z', undefined, 'Normal'),
      event('Pulling', 'Pulling image "registry.example.com/shop/web:nope"', 3, '2024-05-01T10:00:50Z', undefined, 'Normal'),
      event('BackOff', 'Back-off restarting failed container', 9, '2024-05-01T10:01:00Z', 'other-pod'),
    ];
    expect(formatPodCause(cause, events, 2)).toBe(
      [
        'ImagePullBackOff: pod shop/web-7d9c8b6f5-x2x4q, container app (0 restarts, waiting 75s): Back-off pulling image "registry.example.com/shop/web:nope"',
        '  Normal Pulling x3 (2024-05-01T10:00:50Z): Pulling image "registry.example.com/shop/web:nope"',
        '  Warning Failed x5 (2024-05-01T10:01:10Z): Error: ImagePullBackOff',
      ].join('\n'),
    );
  });

  test('without events it is one line; long messages are clipped', () => {
    const text = formatPodCause({ ...cause, restartCount: 1, message: 'x'.repeat(1000) });
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('(1 restart, waiting 75s)');
    expect(text.length).toBeLessThan(400);
  });
});
