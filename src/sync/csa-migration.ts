// Objects last written by client-side `kubectl apply` keep their fields owned by kubectl's manager.
// Server-side apply would then never remove a field the manifest dropped. As kubectl's csaupgrade
// does, move that ownership to wavesync's Apply entry before the first server-side apply.
import type { ClusterPort } from '../cluster/port.js';
import type { K8sObject } from '../manifests/types.js';
import { FIELD_MANAGER } from '../model/field-manager.js';

const CSA_MANAGERS = new Set(['kubectl-client-side-apply', 'before-first-apply']);

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  time?: string;
  subresource?: string;
}

function mergeFields(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur && typeof cur === 'object' && v && typeof v === 'object' ? mergeFields(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** Whether client-side apply still owns fields of this object (its managedFields are then needed). */
export function ownedByClientSideApply(o: K8sObject): boolean {
  const entries = (o.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  return entries.some((e) => CSA_MANAGERS.has(e.manager ?? '') && !e.subresource);
}

/** The managedFields after moving client-side-apply ownership to wavesync, or null when nothing to move. */
export function migratedManagedFields(live: K8sObject): ManagedFieldsEntry[] | null {
  const entries = (live.metadata.managedFields ?? []) as ManagedFieldsEntry[];
  const csa = entries.filter((e) => CSA_MANAGERS.has(e.manager ?? '') && !e.subresource);
  if (csa.length === 0) return null;
  const ours = entries.find((e) => e.manager === FIELD_MANAGER && e.operation === 'Apply' && !e.subresource);
  let fields: Record<string, unknown> = ours?.fieldsV1 ?? {};
  for (const e of csa) fields = mergeFields(fields, e.fieldsV1 ?? {});
  const rest = entries.filter((e) => e !== ours && !csa.includes(e));
  return [
    ...rest,
    { manager: FIELD_MANAGER, operation: 'Apply', apiVersion: live.apiVersion, fieldsType: 'FieldsV1', fieldsV1: fields, time: new Date().toISOString() },
  ];
}

export async function migrateClientSideApply(cluster: ClusterPort, live: K8sObject): Promise<boolean> {
  const managedFields = migratedManagedFields(live);
  if (!managedFields) return false;
  // A PUT that carries resourceVersion fails on a concurrent change instead of losing it.
  const body: K8sObject = structuredClone(live);
  body.metadata.managedFields = managedFields;
  await cluster.replace(body);
  return true;
}
