// An app's inventory on the cluster: the ApplySet parent Secret `wavesync-<app>` and the live
// objects labelled as its members. Reads and writes only; what to prune is decided in src/plan.
import type { K8sObject } from '../../manifests/types.js';
import { groupOf } from '../../manifests/types.js';
import { TOOL_NAME, TOOLING } from '../../model/tooling.js';
import { ApiError, type ClusterPort } from '../port.js';
import {
  APPLYSET_ID_LABEL,
  GROUP_KINDS_ANNOTATION,
  NAMESPACES_ANNOTATION,
  PART_OF_LABEL,
  TOOLING_ANNOTATION,
  applysetId,
  formatList,
  parentName,
  parseList,
  splitGroupKind,
} from './applyset.js';

/** What the parent says (empty lists when it does not exist yet). */
export interface InventoryState {
  app: string;
  namespace: string;
  id: string;
  exists: boolean;
  groupKinds: string[];
  /** Namespaces other than the parent's that may hold members. */
  additionalNamespaces: string[];
  /** Data keys kept on the parent (the release history), base64 as the API returns them. */
  data: Record<string, string>;
}

export class InventoryError extends Error {
  override name = 'InventoryError';
}

const secretRef = (app: string, namespace: string) => ({ apiVersion: 'v1', kind: 'Secret', namespace, name: parentName(app) });

export async function readInventory(cluster: ClusterPort, app: string, namespace: string): Promise<InventoryState> {
  const id = applysetId(parentName(app), namespace);
  const live = await cluster.get(secretRef(app, namespace));
  if (!live) return { app, namespace, id, exists: false, groupKinds: [], additionalNamespaces: [], data: {} };
  const where = `Secret ${namespace}/${parentName(app)}`;
  const tooling = live.metadata.annotations?.[TOOLING_ANNOTATION] ?? '';
  if (tooling.split('/')[0] !== TOOL_NAME)
    throw new InventoryError(`${where} exists but is not a wavesync inventory (${TOOLING_ANNOTATION}: "${tooling}"); rename the app or remove that Secret`);
  const labelled = live.metadata.labels?.[APPLYSET_ID_LABEL];
  if (labelled !== id)
    throw new InventoryError(`${where} has ${APPLYSET_ID_LABEL}="${labelled ?? ''}", expected "${id}"; it was not written by wavesync for this app`);
  const ann = live.metadata.annotations ?? {};
  return {
    app,
    namespace,
    id,
    exists: true,
    groupKinds: parseList(ann[GROUP_KINDS_ANNOTATION]),
    additionalNamespaces: parseList(ann[NAMESPACES_ANNOTATION]).filter((n) => n !== namespace),
    data: (live.data as Record<string, string> | undefined) ?? {},
  };
}

/**
 * Writes the parent (server-side apply): these kinds and namespaces, plus data keys to set. A
 * namespace that does not exist yet (the manifests create it) is reported as false, not thrown.
 */
export async function writeInventory(
  cluster: ClusterPort,
  state: InventoryState,
  groupKinds: Iterable<string>,
  namespaces: Iterable<string>,
  data: Record<string, string> = state.data,
): Promise<boolean> {
  const parent: K8sObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: parentName(state.app),
      namespace: state.namespace,
      labels: { [APPLYSET_ID_LABEL]: state.id },
      annotations: {
        [TOOLING_ANNOTATION]: TOOLING,
        [GROUP_KINDS_ANNOTATION]: formatList(groupKinds),
        [NAMESPACES_ANNOTATION]: formatList([...namespaces].filter((n) => n && n !== state.namespace)),
      },
    },
    type: 'Opaque',
    data,
  };
  try {
    await cluster.apply(parent);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && /namespace/i.test(err.message)) return false;
    throw err;
  }
  state.exists = true;
  state.groupKinds = parseList(parent.metadata.annotations![GROUP_KINDS_ANNOTATION]);
  state.additionalNamespaces = parseList(parent.metadata.annotations![NAMESPACES_ANNOTATION]);
  state.data = data;
  return true;
}

export async function deleteInventory(cluster: ClusterPort, state: InventoryState): Promise<boolean> {
  return cluster.delete(secretRef(state.app, state.namespace));
}

/** Every live object labelled as a member, in every kind and namespace the parent names. */
export async function listMembers(cluster: ClusterPort, state: InventoryState): Promise<K8sObject[]> {
  const selector = `${PART_OF_LABEL}=${state.id}`;
  const out: K8sObject[] = [];
  for (const gk of state.groupKinds) {
    const { kind, group } = splitGroupKind(gk);
    const apiVersion = await cluster.preferredVersion(group);
    const info = apiVersion ? await cluster.resolve(apiVersion, kind) : null;
    if (!apiVersion || !info) continue; // the kind is no longer served: nothing of it can be live
    const namespaces = info.namespaced ? [state.namespace, ...state.additionalNamespaces] : [null];
    for (const ns of namespaces) out.push(...(await cluster.list(apiVersion, kind, ns, { labelSelector: selector })));
  }
  return out;
}

/** Identity of an object across API versions: group, kind, namespace, name. */
export function identity(o: { apiVersion: string; kind: string; namespace?: string | null; name?: string | null }): string {
  return `${groupOf(o.apiVersion)}/${o.kind}/${o.namespace ?? ''}/${o.name ?? ''}`;
}

export function identityOf(o: K8sObject): string {
  return identity({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name ?? null });
}
