import { describe, expect, it } from '@jest/globals';
import type { ClusterPort, WatchEvent } from '../../src/cluster/port.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { ObjectFeed } from '../../src/sync/object-feed.js';

/** A cluster whose watches are driven by the test. */
function drivenCluster() {
  const sinks = new Map<string, (e: WatchEvent) => void>();
  const cluster = {
    watch: async (_apiVersion: string, kind: string, namespace: string | null, onEvent: (e: WatchEvent) => void) => {
      sinks.set(`${kind}/${namespace}`, onEvent);
      return () => sinks.delete(`${kind}/${namespace}`);
    },
  } as unknown as ClusterPort;
  return { cluster, send: (kind: string, ns: string, e: WatchEvent) => sinks.get(`${kind}/${ns}`)!(e) };
}

const pod = (name: string, ns: string, uid = `${ns}-${name}`): K8sObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, uid } });

describe('ObjectFeed', () => {
  it('lists the objects of one kind and namespace only, following adds and deletes', async () => {
    const { cluster, send } = drivenCluster();
    const feed = new ObjectFeed(cluster);
    await feed.ensure('v1', 'Pod', 'a');
    await feed.ensure('v1', 'Pod', 'ab');
    send('Pod', 'a', { type: 'ADDED', object: pod('p1', 'a') });
    send('Pod', 'a', { type: 'ADDED', object: pod('p2', 'a') });
    // "ab" starts with "a": a prefix match would wrongly mix the namespaces.
    send('Pod', 'ab', { type: 'ADDED', object: pod('p3', 'ab') });
    feed.remember({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'a', uid: 'r', resourceVersion: '1' } });
    expect(
      feed
        .all('', 'Pod', 'a')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(['p1', 'p2']);
    expect(feed.all('', 'Pod', 'ab').map((o) => o.metadata.name)).toEqual(['p3']);
    expect(feed.all('apps', 'ReplicaSet', 'a').map((o) => o.metadata.name)).toEqual(['rs']);

    send('Pod', 'a', { type: 'DELETED', object: pod('p1', 'a') });
    expect(feed.all('', 'Pod', 'a').map((o) => o.metadata.name)).toEqual(['p2']);
    expect(feed.latest('/Pod/a/p1')).toBeUndefined();
    // A DELETED event of an older object of the same name keeps the newer one.
    send('Pod', 'a', { type: 'DELETED', object: pod('p2', 'a', 'old-uid') });
    expect(feed.all('', 'Pod', 'a').map((o) => o.metadata.name)).toEqual(['p2']);
    expect(feed.all('', 'Pod', 'none')).toEqual([]);
  });

  it('keeps objects without managedFields unless client-side apply owns fields of them', async () => {
    const { cluster, send } = drivenCluster();
    const feed = new ObjectFeed(cluster);
    await feed.ensure('v1', 'Pod', 'a');
    const managed = (manager: string) => [{ manager, operation: 'Update', fieldsV1: { 'f:data': {} } }];
    const withFields = (name: string, manager: string): K8sObject => ({
      ...pod(name, 'a'),
      metadata: { ...pod(name, 'a').metadata, managedFields: managed(manager) },
    });
    const event = withFields('p1', 'kube-controller-manager');
    send('Pod', 'a', { type: 'ADDED', object: event });
    expect(feed.latest('/Pod/a/p1')?.metadata).toEqual({ name: 'p1', namespace: 'a', uid: 'a-p1' });
    // The event itself is not changed: other watchers of it see it whole.
    expect(event.metadata.managedFields).toHaveLength(1);
    send('Pod', 'a', { type: 'ADDED', object: withFields('p2', 'kubectl-client-side-apply') });
    expect(feed.latest('/Pod/a/p2')?.metadata.managedFields).toEqual(managed('kubectl-client-side-apply'));
    feed.remember({ ...withFields('p3', 'wavesync'), metadata: { ...withFields('p3', 'wavesync').metadata, resourceVersion: '3' } });
    expect(feed.latest('/Pod/a/p3')?.metadata.managedFields).toBeUndefined();
    expect(feed.all('', 'Pod', 'a').map((o) => Boolean(o.metadata.managedFields))).toEqual([false, true, false]);
  });
});
