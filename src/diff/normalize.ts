// What a diff compares: an object without the fields the server sets (managedFields,
// resourceVersion, uid, generation, creationTimestamp, status...), with Secret values masked.
// Whether a Secret value changed stays visible: equal values are `***` on both sides, a changed
// one `*** (changed)` on the new side.
import { stringify } from 'yaml';
import type { K8sObject } from '../manifests/types.js';

const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'selfLink', 'deletionGracePeriodSeconds'];
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

export const MASK = '***';
export const MASK_CHANGED = '*** (changed)';

export function withoutServerFields(o: K8sObject): K8sObject {
  const copy = structuredClone(o) as K8sObject & { status?: unknown };
  delete copy.status;
  for (const k of SERVER_METADATA) delete copy.metadata[k];
  const annotations = copy.metadata.annotations;
  if (annotations) {
    for (const k of SERVER_ANNOTATIONS) delete annotations[k];
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  }
  return copy;
}

const isSecret = (o: K8sObject | null) => !!o && o.kind === 'Secret' && o.apiVersion === 'v1';

/** Masks Secret data and stringData values of both sides (either may be null). */
export function maskSecrets(live: K8sObject | null, next: K8sObject | null): { live: K8sObject | null; next: K8sObject | null } {
  if (!isSecret(live) && !isSecret(next)) return { live, next };
  const values = (o: K8sObject | null, field: string) => (o?.[field] ?? {}) as Record<string, unknown>;
  const mask = (o: K8sObject | null, other: K8sObject | null, changedMark: string) => {
    if (!o) return o;
    const out = structuredClone(o);
    for (const field of ['data', 'stringData']) {
      const mine = values(o, field);
      const theirs = values(other, field);
      if (!(field in o)) continue;
      out[field] = Object.fromEntries(Object.keys(mine).map((k) => [k, k in theirs && theirs[k] !== mine[k] ? changedMark : MASK]));
    }
    return out;
  };
  return { live: mask(live, next, MASK), next: mask(next, live, MASK_CHANGED) };
}

export function toYaml(o: K8sObject | null): string {
  return o ? stringify(o, { sortMapEntries: true, lineWidth: 0 }) : '';
}
