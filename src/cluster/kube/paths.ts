// REST paths of the Kubernetes API.
import type { ResourceInfo } from '../port.js';

/** "/api/v1" for the core group, "/apis/<group>/<version>" otherwise. */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Collection path (no name) or object path. namespace is ignored for cluster-scoped kinds. */
export function resourcePath(info: ResourceInfo, namespace: string | null, name?: string): string {
  let path = groupVersionPath(apiVersionOf(info));
  if (info.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${info.plural}`;
  if (name !== undefined) path += `/${encodeURIComponent(name)}`;
  return path;
}
