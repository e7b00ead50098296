// Which of the objects about to be applied already belong to another ApplySet (another app, or a
// `kubectl apply --applyset`): one labelled list per kind and namespace, not one get per object.
import type { ObjectRef } from '../../model/object-ref.js';
import type { ClusterPort } from '../port.js';
import { APPLYSET_ID_LABEL, PART_OF_LABEL } from './applyset.js';
import { identity } from './inventory.js';

export interface ForeignOwner<R extends ObjectRef> {
  ref: R;
  /** The other ApplySet's id, and its parent when it can be found in the object's namespace. */
  ownerId: string;
  ownerParent: string | null;
}

export async function foreignOwners<R extends ObjectRef>(cluster: ClusterPort, refs: R[], ownId: string): Promise<ForeignOwner<R>[]> {
  const groups = new Map<string, R[]>();
  for (const r of refs) {
    const key = `${r.apiVersion} ${r.kind} ${r.namespace ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const found: ForeignOwner<R>[] = [];
  for (const group of groups.values()) {
    const { apiVersion, kind, namespace } = group[0];
    if (!(await cluster.resolve(apiVersion, kind))) continue; // a kind this sync creates: nothing live yet
    const labelled = await cluster.list(apiVersion, kind, namespace, { labelSelector: PART_OF_LABEL });
    const owners = new Map(
      labelled.map((o) => [
        identity({ apiVersion, kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name }),
        o.metadata.labels?.[PART_OF_LABEL] ?? '',
      ]),
    );
    for (const r of group) {
      const owner = owners.get(identity(r));
      if (owner && owner !== ownId) found.push({ ref: r, ownerId: owner, ownerParent: await parentOf(cluster, owner, r.namespace) });
    }
  }
  return found;
}

/** The parent carrying that id in the namespace, if it is a Secret there (wavesync's and kubectl's usual case). */
async function parentOf(cluster: ClusterPort, id: string, namespace: string | null): Promise<string | null> {
  if (!namespace) return null;
  const parents = await cluster.list('v1', 'Secret', namespace, { labelSelector: `${APPLYSET_ID_LABEL}=${id}` });
  return parents[0] ? `Secret ${namespace}/${parents[0].metadata.name}` : null;
}
