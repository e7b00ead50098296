// Discovery: which kinds the server serves, cached per group/version. Only positive answers are
// kept: a group/version or kind that is missing is asked again next time, because a CRD applied
// a moment ago may start serving it at any time.
import type { ResourceInfo } from '../port.js';
import type { KubeHttp } from './http.js';
import { groupVersionPath } from './paths.js';

interface APIResource {
  name: string;
  kind: string;
  namespaced: boolean;
}
interface APIResourceList {
  groupVersion?: string;
  resources?: APIResource[];
}

interface APIGroup {
  preferredVersion?: { groupVersion: string };
  versions?: { groupVersion: string }[];
}

export class Discovery {
  private readonly cache = new Map<string, Promise<APIResourceList | null>>();

  constructor(private readonly http: KubeHttp) {}

  private groupVersion(apiVersion: string): Promise<APIResourceList | null> {
    let entry = this.cache.get(apiVersion);
    if (!entry) {
      entry = this.http.jsonOrNull<APIResourceList>({ method: 'GET', path: groupVersionPath(apiVersion) });
      this.cache.set(apiVersion, entry);
      // Errors are not cached: the next call asks again.
      entry.catch(() => {
        if (this.cache.get(apiVersion) === entry) this.cache.delete(apiVersion);
      });
    }
    return entry;
  }

  async resolve(apiVersion: string, kind: string): Promise<ResourceInfo | null> {
    if (!/^([a-z0-9.-]+\/)?v[a-z0-9]+$/.test(apiVersion)) return null;
    const list = await this.groupVersion(apiVersion);
    // Subresources ("deployments/status") share the kind; the resource itself has no slash.
    const found = list?.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!found) {
      this.forget(apiVersion);
      return null;
    }
    const slash = apiVersion.indexOf('/');
    return {
      group: slash < 0 ? '' : apiVersion.slice(0, slash),
      version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
      kind,
      plural: found.name,
      namespaced: found.namespaced,
    };
  }

  async preferredVersion(group: string): Promise<string | null> {
    if (group === '') return 'v1';
    if (!/^[a-z0-9.-]+$/.test(group)) return null;
    const found = await this.http.jsonOrNull<APIGroup>({ method: 'GET', path: `/apis/${group}` });
    return found?.preferredVersion?.groupVersion ?? found?.versions?.[0]?.groupVersion ?? null;
  }

  private forget(apiVersion: string): void {
    this.cache.delete(apiVersion);
  }

  invalidate(): void {
    this.cache.clear();
  }
}
