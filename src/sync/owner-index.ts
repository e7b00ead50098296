// Which of a step's tasks a Pod or ReplicaSet change can concern, so the gate judges those again
// and not every open task (re-judging all of them on every pod event was O(events × tasks × pods)).
// A task is concerned when it is the object's owner, the owner of its ReplicaSet (Pod → ReplicaSet
// → Deployment, or any kind that owns ReplicaSets), or a workload whose selector picks the pod —
// the same relations the verdict reads (pods.ts podsOf, warning-events.ts ownedUids).
import type { K8sObject } from '../manifests/types.js';
import { selectorMatches, type LabelSelector } from '../model/label-selector.js';
import { objectKey, type ObjectFeed } from './object-feed.js';
import { hasPods } from './pods.js';
import type { TaskTracker } from './task-tracker.js';

type OwnerRef = { uid?: string; kind?: string; name?: string };

const ownerRefs = (o: K8sObject | undefined): OwnerRef[] => (o?.metadata.ownerReferences ?? []) as OwnerRef[];

/** The open, applied tasks whose verdict may change with this Pod or ReplicaSet. */
export function affectedBy(obj: K8sObject, tasks: readonly TaskTracker[], feed: Pick<ObjectFeed, 'latest'>): TaskTracker[] {
  const ns = obj.metadata.namespace ?? null;
  // The object itself and its owners, and for a pod the owners of its ReplicaSet.
  const uids = new Set<string>();
  if (typeof obj.metadata.uid === 'string') uids.add(obj.metadata.uid);
  for (const r of ownerRefs(obj)) {
    if (r.uid) uids.add(r.uid);
    if (obj.kind === 'Pod' && r.kind === 'ReplicaSet' && r.name)
      for (const up of ownerRefs(feed.latest(objectKey('apps', 'ReplicaSet', ns, r.name)))) if (up.uid) uids.add(up.uid);
  }
  const out: TaskTracker[] = [];
  for (const t of tasks) {
    if (t.done || t.finishing || !t.uid || t.task.namespace !== ns) continue;
    if (uids.has(t.uid)) out.push(t);
    else if (obj.kind === 'Pod' && selects(t, feed, obj)) out.push(t);
  }
  return out;
}

/** A workload that picks its pods by selector (podsOf): its live selector matches the pod's labels. */
function selects(t: TaskTracker, feed: Pick<ObjectFeed, 'latest'>, pod: K8sObject): boolean {
  if (t.task.kind === 'Job' || t.task.kind === 'Pod' || !hasPods(t.task)) return false;
  const live = feed.latest(t.key);
  return selectorMatches((live?.spec as { selector?: LabelSelector } | undefined)?.selector, pod.metadata.labels);
}
