// How one object is applied (SEMANTICS 3a): server-side apply by default, Replace=true as a PUT,
// Force=true with Replace as delete-and-recreate when the server refuses an immutable change.
import { ApiError, refOf, type ClusterPort } from '../cluster/port.js';
import { waitGone } from '../cluster/wait.js';
import type { K8sObject } from '../manifests/types.js';
import type { Task } from '../plan/types.js';
import type { ApplyAction } from './events.js';
import { liveObjectFor } from './live-object.js';
import { migrateClientSideApply } from './csa-migration.js';

export interface Applied {
  live: K8sObject;
  action: ApplyAction;
}

const isImmutableError = (err: unknown) =>
  err instanceof ApiError && (err.status === 422 || err.status === 409) && /immutable|may not change|cannot be changed/i.test(err.message);

/**
 * Replace=true asks for a PUT. So does Validate=false: server-side apply refuses unknown fields
 * whatever fieldValidation says, while a PUT with fieldValidation=Ignore drops them, as asked.
 */
export function usesReplace(task: Task): boolean {
  return task.syncOptions.includes('Replace=true') || task.syncOptions.includes('Validate=false');
}

export async function applyTask(cluster: ClusterPort, task: Task, liveName: string, prior: K8sObject | null, signal?: AbortSignal): Promise<Applied> {
  const obj = liveObjectFor(task, liveName);
  const fieldValidation = task.syncOptions.includes('Validate=false') ? 'Ignore' : 'Strict';
  const opts = { fieldValidation } as const;
  if (usesReplace(task)) {
    try {
      const live = await cluster.replace(obj, opts);
      return { live, action: prior ? 'replaced' : 'created' };
    } catch (err) {
      if (!task.syncOptions.includes('Force=true') || !isImmutableError(err)) throw err;
      await cluster.delete(refOf(obj), 'Foreground');
      await waitGone(cluster, refOf(obj), { signal });
      const live = await cluster.create(obj, opts);
      return { live, action: 'recreated' };
    }
  }
  if (prior) await migrateClientSideApply(cluster, prior);
  const live = await cluster.apply(obj, opts);
  const action: ApplyAction = !prior ? 'created' : prior.metadata.resourceVersion === live.metadata.resourceVersion ? 'unchanged' : 'configured';
  return { live, action };
}
