// Least privilege, checked before anything changes: every verb the sync will use on every resource
// is asked of the API server (SelfSubjectAccessReview), and each one refused becomes an error at
// the manifest line of the first object that needs it, naming the verb and the resource. Without
// this, a missing `delete jobs` or `get pods/log` would surface mid-sync, after waves were applied.
import type { AccessCheck, ClusterPort, ResourceInfo } from '../cluster/port.js';
import type { ValidationError } from '../manifests/types.js';
import { isLiveSource } from '../model/live-source.js';
import { isPruneTask } from '../plan/prune-plan.js';
import type { Task } from '../plan/types.js';
import { usesReplace } from './apply-task.js';
import { mapLimit } from './concurrency.js';
import { hasPods } from './pods.js';

interface Need extends AccessCheck {
  task: Task;
}

const resourceName = (c: AccessCheck) => `${c.resource}${c.subresource ? `/${c.subresource}` : ''}${c.group ? ` (API group ${c.group})` : ''}`;

/** The verbs a sync uses for one task, on its own resource and on what its health reads. */
function needsOf(t: Task, info: ResourceInfo): Need[] {
  const ns = info.namespaced ? t.namespace : null;
  const on = (verbs: string[], group: string, resource: string, subresource?: string): Need[] =>
    verbs.map((verb) => ({ verb, group, resource, subresource, namespace: ns, task: t }));
  // A member being pruned: deleted, then watched until it is gone.
  if (isPruneTask(t)) return on(['get', 'list', 'watch', 'delete'], info.group, info.plural);
  // get: the live copy before an apply; list and watch: the shared watch that gates on health;
  // server-side apply is a patch, and a create when the object does not exist yet.
  const own = ['get', 'list', 'watch', ...(usesReplace(t) ? ['update', 'create'] : ['patch', 'create'])];
  if (t.syncOptions.includes('Force=true')) own.push('delete', 'create');
  if (t.hook && t.deletePolicies.length > 0) own.push('delete');
  const out = on([...new Set(own)], info.group, info.plural);
  if (ns && hasPods(t)) {
    out.push(...on(['list', 'watch'], '', 'pods'), ...on(['list'], '', 'events'));
    if (t.kind === 'Deployment') out.push(...on(['list', 'watch'], 'apps', 'replicasets'));
    if (t.hook) out.push(...on(['get'], '', 'pods', 'log'));
  }
  return out;
}

/**
 * Ask the server, once per (verb, resource, namespace), whether the kubeconfig's user may; return
 * one error per refused resource and the ids of the tasks it concerns (not worth a dry run).
 */
export async function checkPermissions(
  cluster: ClusterPort,
  tasks: { task: Task; info: ResourceInfo }[],
): Promise<{ errors: ValidationError[]; refused: Set<string> }> {
  const errors: ValidationError[] = [];
  const refused = new Set<string>();
  if (!cluster.canI) return { errors, refused };
  const first = new Map<string, Need>();
  const users = new Map<string, Task[]>();
  for (const { task, info } of tasks) {
    for (const n of needsOf(task, info)) {
      const key = `${n.verb} ${n.group}/${n.resource}/${n.subresource ?? ''} ${n.namespace ?? ''}`;
      if (!first.has(key)) first.set(key, n);
      users.set(key, [...(users.get(key) ?? []), task]);
    }
  }
  const denied: Need[] = [];
  await mapLimit([...first.entries()], 8, async ([key, n]) => {
    if (await cluster.canI!(n)) return;
    denied.push(n);
    // Every object needing it is refused: its own dry run would only say the same again.
    for (const t of users.get(key) ?? []) refused.add(t.id);
  });
  // One error per resource and namespace, with every verb it lacks, at the first object needing it.
  const byResource = new Map<string, Need[]>();
  for (const n of denied) {
    const key = `${n.group}/${n.resource}/${n.subresource ?? ''} ${n.namespace ?? ''}`;
    byResource.set(key, [...(byResource.get(key) ?? []), n]);
  }
  for (const needs of byResource.values()) {
    const n = needs[0]!;
    const verbs = [...new Set(needs.map((x) => x.verb))];
    const where = n.namespace ? ` in namespace ${n.namespace}` : ' (cluster-wide)';
    // A member being pruned has no manifest line: say where it is instead.
    const live = isLiveSource(n.task.source);
    errors.push({
      source: live ? null : n.task.source,
      message: `${n.task.kind} ${live ? `${n.task.namespace ? `${n.task.namespace}/` : ''}${n.task.name} (to be pruned: no longer in the manifests)` : (n.task.name ?? n.task.generateName ?? '')}: the kubeconfig's user may not ${verbs.join(', ')} ${resourceName(n)}${where}, which this sync needs (RBAC; docs/rbac.yaml lists what wavesync needs)`,
    });
  }
  return { errors, refused };
}
