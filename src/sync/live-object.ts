// The object as it is sent to the cluster for a task: namespace settled, generateName hooks named.
import type { K8sObject } from '../manifests/types.js';
import type { Task } from '../plan/types.js';

export function liveObjectFor(task: Task, liveName: string): K8sObject {
  // Only metadata changes: the rest stays shared with the plan (read-only), so a value a YAML alias
  // repeats across objects is not copied per task.
  const obj: K8sObject = { ...task.object, metadata: { ...task.object.metadata } };
  obj.metadata.name = liveName;
  delete obj.metadata.generateName;
  if (task.namespace) obj.metadata.namespace = task.namespace;
  else delete obj.metadata.namespace;
  return obj;
}
