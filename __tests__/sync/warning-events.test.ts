import { describe, expect, it } from '@jest/globals';
import type { K8sObject } from '../../src/manifests/types.js';
import { formatWarnings, ownedUids, unfixableCreate, warningsAbout } from '../../src/sync/warning-events.js';

const obj = (kind: string, name: string, uid: string, owner?: string): K8sObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, uid, ...(owner ? { ownerReferences: [{ uid: owner }] } : {}) },
});
const event = (reason: string, on: K8sObject, message: string, extra: Record<string, unknown> = {}): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${on.metadata.name}.${reason}` },
    type: 'Warning',
    reason,
    message,
    count: 1,
    lastTimestamp: '2026-01-01T00:00:00Z',
    involvedObject: { kind: on.kind, name: on.metadata.name, uid: on.metadata.uid },
    ...extra,
  }) as K8sObject;

const deploy = obj('Deployment', 'web', 'd1');
const rs = obj('ReplicaSet', 'web-h1', 'r1', 'd1');
const pod = obj('Pod', 'web-h1-a', 'p1', 'r1');
const stranger = obj('Pod', 'other', 'p9', 'r9');

describe('warning events of an object and what it owns', () => {
  it('follows Deployment → ReplicaSet → Pod, and nothing else', () => {
    expect([...ownedUids(deploy, [pod, stranger], [rs])].sort()).toEqual(['d1', 'p1', 'r1']);
  });

  it('keeps the wait reasons, newest first, one per reason and object, with counts', () => {
    const events = [
      event('FailedScheduling', pod, '0/3 nodes are available: 3 Insufficient cpu.', { count: 7, lastTimestamp: '2026-01-01T00:00:05Z' }),
      event('FailedMount', pod, 'MountVolume.SetUp failed for volume "cfg": configmap "cfg" not found', { lastTimestamp: '2026-01-01T00:00:09Z' }),
      event('BackOff', pod, 'not a wait reason'),
      event('FailedScheduling', stranger, 'not ours'),
      { ...event('FailedCreate', rs, 'normal event'), type: 'Normal' } as K8sObject,
    ];
    const seen = warningsAbout(ownedUids(deploy, [pod, stranger], [rs]), events);
    expect(formatWarnings(seen)).toBe(
      'Warning FailedMount on Pod web-h1-a: MountVolume.SetUp failed for volume "cfg": configmap "cfg" not found; Warning FailedScheduling x7 on Pod web-h1-a: 0/3 nodes are available: 3 Insufficient cpu.',
    );
  });

  it.each([
    ['pods "x-" is forbidden: error looking up service account app/sa: serviceaccount "sa" not found', true],
    ['pods "x-" is forbidden: exceeded quota: compute, requested: cpu=2, used: cpu=9, limited: cpu=10', true],
    ['Internal error occurred: resource quota evaluation timed out', false],
  ])('FailedCreate "%s" is unfixable: %s', (message, expected) => {
    const seen = warningsAbout(new Set(['r1']), [event('FailedCreate', rs, message)]);
    expect(unfixableCreate(seen) !== null).toBe(expected);
  });
});
