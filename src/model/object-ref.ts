// Objects by name, and how every text wavesync prints names one: "Deployment shop/api", a
// cluster-scoped object without a namespace, a generateName hook not yet named as "shop/migrate-*".

/** The address of one live object (what the cluster port reads and deletes). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
}

/** Enough of an object to name it in text. */
export interface Named {
  kind: string;
  namespace: string | null;
  name: string | null;
  /** A hook named at sync time; shown only while name is null. */
  generateName?: string | null;
}

/** "namespace/name", "name" when cluster-scoped, "namespace/prefix*" for an unnamed generateName hook. */
export function qualifiedName(ref: Omit<Named, 'kind'>): string {
  const name = ref.name ?? `${ref.generateName ?? ''}*`;
  return ref.namespace ? `${ref.namespace}/${name}` : name;
}

/** "Deployment shop/api". */
export function objectLabel(ref: Named): string {
  return `${ref.kind} ${qualifiedName(ref)}`;
}
