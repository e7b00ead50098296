// The access pre-check: which verbs a sync asks for, and how a refusal is said (once per resource,
// every missing verb, at the first object that needs it).
import { describe, expect, it } from '@jest/globals';
import type { AccessCheck, ClusterPort, ResourceInfo } from '../../src/cluster/port.js';
import type { Task } from '../../src/plan/types.js';
import { LIVE_SOURCE } from '../../src/model/live-source.js';
import { checkPermissions } from '../../src/sync/permissions.js';

const info = (group: string, kind: string, plural: string): ResourceInfo => ({ group, version: 'v1', kind, plural, namespaced: true });

function task(kind: string, name: string, line: number, extra: Partial<Task> = {}): Task {
  return {
    id: `${kind}/${name}`,
    phase: 'Sync',
    wave: 0,
    apiVersion: kind === 'Job' ? 'batch/v1' : kind === 'Deployment' ? 'apps/v1' : 'v1',
    kind,
    group: kind === 'Job' ? 'batch' : kind === 'Deployment' ? 'apps' : '',
    name,
    generateName: null,
    namespace: 'shop',
    hook: false,
    deletePolicies: [],
    syncOptions: [],
    source: { file: 'k8s/app.yaml', line },
    object: { apiVersion: 'v1', kind, metadata: { name } },
    ...extra,
  };
}

function cluster(denied: (c: AccessCheck) => boolean, asked: AccessCheck[]): ClusterPort {
  return { canI: async (c: AccessCheck) => (asked.push(c), !denied(c)) } as unknown as ClusterPort;
}

const tasks = [
  { task: task('ConfigMap', 'a', 1), info: info('', 'ConfigMap', 'configmaps') },
  { task: task('ConfigMap', 'b', 9), info: info('', 'ConfigMap', 'configmaps') },
  { task: task('Deployment', 'web', 20), info: info('apps', 'Deployment', 'deployments') },
  { task: task('Job', 'migrate', 40, { phase: 'PreSync', hook: true, deletePolicies: ['BeforeHookCreation'] }), info: info('batch', 'Job', 'jobs') },
];

describe('checkPermissions', () => {
  it('asks each verb once: apply, reads for health, hook deletes and logs', async () => {
    const asked: AccessCheck[] = [];
    const res = await checkPermissions(
      cluster(() => false, asked),
      tasks,
    );
    expect(res.errors).toEqual([]);
    const said = asked.map((c) => `${c.verb} ${c.group}/${c.resource}${c.subresource ? `/${c.subresource}` : ''}`).sort();
    expect(said).toEqual(
      [
        'get /configmaps',
        'list /configmaps',
        'watch /configmaps',
        'patch /configmaps',
        'create /configmaps',
        'get apps/deployments',
        'list apps/deployments',
        'watch apps/deployments',
        'patch apps/deployments',
        'create apps/deployments',
        'list /pods',
        'watch /pods',
        'list /events',
        'list apps/replicasets',
        'watch apps/replicasets',
        'get batch/jobs',
        'list batch/jobs',
        'watch batch/jobs',
        'patch batch/jobs',
        'create batch/jobs',
        'delete batch/jobs',
        'get /pods/log',
      ].sort(),
    );
    expect(asked.every((c) => c.namespace === 'shop')).toBe(true);
  });

  it('a refusal is one error per resource, every verb named, at the first object needing it', async () => {
    const res = await checkPermissions(
      cluster((c) => (c.resource === 'configmaps' && c.verb !== 'get') || (c.resource === 'pods' && c.subresource === 'log'), []),
      tasks,
    );
    expect(res.errors).toEqual(
      [
        {
          source: { file: 'k8s/app.yaml', line: 1 },
          message: expect.stringMatching(
            /^ConfigMap a: the kubeconfig's user may not (list|watch|patch|create)(, (list|watch|patch|create)){3} configmaps in namespace shop, /,
          ),
        },
        {
          source: { file: 'k8s/app.yaml', line: 40 },
          message: expect.stringMatching(/^Job migrate: the kubeconfig's user may not get pods\/log in namespace shop, /),
        },
      ].sort(() => 0),
    );
    expect([...res.refused].sort()).toEqual(['ConfigMap/a', 'ConfigMap/b', 'Job/migrate'].sort());
  });

  it('a port without access control is not asked', async () => {
    expect(await checkPermissions({} as ClusterPort, tasks)).toEqual({ errors: [], refused: new Set() });
  });

  it('a member to be pruned needs delete (and a watch until it is gone); refused, it is named as in the cluster', async () => {
    const pruned = task('ConfigMap', 'old-settings', 0, { source: LIVE_SOURCE, action: 'prune', keep: null } as Partial<Task>);
    const asked: AccessCheck[] = [];
    const res = await checkPermissions(
      cluster((c) => c.verb === 'delete' && c.resource === 'configmaps', asked),
      [{ task: pruned, info: info('', 'ConfigMap', 'configmaps') }],
    );
    expect(asked.map((c) => c.verb).sort()).toEqual(['delete', 'get', 'list', 'watch']);
    expect(res.errors).toEqual([
      {
        source: null,
        message: expect.stringMatching(
          /^ConfigMap shop\/old-settings \(to be pruned: no longer in the manifests\): the kubeconfig's user may not delete configmaps in namespace shop/,
        ),
      },
    ]);
    expect([...res.refused]).toEqual([pruned.id]);
  });
});
