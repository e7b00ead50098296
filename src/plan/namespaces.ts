// Which namespace each object lives in, before any cluster is asked.
import { builtInScope, type Scope } from '../manifests/kinds.js';
import { groupOf, type ManifestObject, type Warning } from '../manifests/types.js';

/** group/kind → scope, for the CRDs in the manifests (their kinds are not built in). */
export function crdScopes(objects: ManifestObject[]): Map<string, Scope> {
  const scopes = new Map<string, Scope>();
  for (const { object } of objects) {
    if (object.kind !== 'CustomResourceDefinition' || groupOf(object.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = object.spec as { group?: unknown; scope?: unknown; names?: { kind?: unknown } } | undefined;
    if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string') continue;
    if (spec.scope === 'Cluster' || spec.scope === 'Namespaced') scopes.set(`${spec.group}/${spec.names.kind}`, spec.scope);
  }
  return scopes;
}

export interface ResolvedNamespace {
  namespace: string | null;
  warning: Warning | null;
}

/**
 * Cluster-scoped kinds never get a namespace (one written is dropped with a warning, as Argo CD
 * ignores it); namespaced kinds without one get the default; kinds nobody knows yet keep what the
 * manifest says until discovery decides.
 */
export function resolveNamespace(m: ManifestObject, defaultNamespace: string, crds: Map<string, Scope>): ResolvedNamespace {
  const { apiVersion, kind, metadata } = m.object;
  const group = groupOf(apiVersion);
  const written = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : null;
  const scope = builtInScope(group, kind) ?? crds.get(`${group}/${kind}`) ?? null;
  if (scope === 'Cluster') {
    const warning = written ? { source: m.source, message: `${kind} is cluster-scoped; metadata.namespace "${written}" is ignored` } : null;
    return { namespace: null, warning };
  }
  if (scope === 'Namespaced') return { namespace: written ?? defaultNamespace, warning: null };
  return { namespace: written, warning: null };
}
