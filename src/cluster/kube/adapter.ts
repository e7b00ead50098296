// The ClusterPort on a real API server, through the kubeconfig's authenticated transport (transport.ts).
import type { KubeConfig } from '../kubeconfig-model.js';
import type { K8sObject } from '../../manifests/types.js';
import { FIELD_MANAGER } from '../../model/field-manager.js';
import { contextNamespace } from '../kubeconfig.js';
import type { ObjectRef } from '../../model/object-ref.js';
import {
  ApiError,
  type ClusterPort,
  type ListOptions,
  type LogOptions,
  type Propagation,
  type ResourceInfo,
  type Unsubscribe,
  type WatchEvent,
  type WriteOptions,
} from '../port.js';
import type { RetryOptions } from '../retry.js';
import { Discovery } from './discovery.js';
import { KubeHttp } from './http.js';
import { streamPodLogs } from './logs.js';
import { resourcePath } from './paths.js';
import { kubeTransport, type Query, type Transport } from './transport.js';
import { WatchHub, type WatchHubOptions, type WatchHubStats } from './watch-hub.js';
import { httpWatchSource, type HttpWatchSourceOptions } from './watch-source.js';

export interface KubeClusterOptions {
  /** Replace the HTTP layer (tests count or fail requests through it). */
  transport?: Transport;
  retry?: RetryOptions;
  /** Per-attempt timeout of a request (default 30 s, DEFAULT_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  watch?: WatchHubOptions & HttpWatchSourceOptions;
}

/** The adapter, with a view of its shared watches for tests and diagnostics. */
export interface KubeCluster extends ClusterPort {
  /** One entry per underlying watch, keyed "apiVersion kind namespace|*". */
  watchStats(): Record<string, WatchHubStats>;
  /** The API server's version (gitVersion, e.g. v1.32.4), or null when it cannot be read. */
  serverVersion(): Promise<string | null>;
}

interface ListBody {
  items?: K8sObject[];
}

function writeQuery(opts: WriteOptions | undefined): Query {
  return {
    fieldValidation: opts?.fieldValidation ?? 'Strict',
    dryRun: opts?.dryRun ? 'All' : undefined,
  };
}

export function createKubeCluster(kc: KubeConfig, opts: KubeClusterOptions = {}): KubeCluster {
  const transport = opts.transport ?? kubeTransport(kc);
  const http = new KubeHttp(transport, {
    retry: opts.retry,
    requestTimeoutMs: opts.requestTimeoutMs,
    server: kc.getCurrentCluster()?.server,
  });
  const discovery = new Discovery(http);
  const defaultNamespace = contextNamespace(kc);
  const hubs = new Map<string, WatchHub>();

  async function info(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const found = await discovery.resolve(apiVersion, kind);
    if (!found) throw new ApiError(404, `the server does not serve kind ${kind} in ${apiVersion}`, 'NotFound');
    return found;
  }

  function namespaceFor(found: ResourceInfo, namespace: string | null | undefined): string | null {
    return found.namespaced ? namespace || defaultNamespace : null;
  }

  /** The object's path (name required) and its collection path. */
  async function pathsOf(obj: K8sObject): Promise<{ collection: string; object: (name: string) => string }> {
    const found = await info(obj.apiVersion, obj.kind);
    const ns = namespaceFor(found, obj.metadata.namespace);
    return { collection: resourcePath(found, ns), object: (name) => resourcePath(found, ns, name) };
  }

  function nameOf(obj: K8sObject): string {
    const name = obj.metadata.name;
    if (!name) throw new ApiError(422, `${obj.kind} has no metadata.name`, 'Invalid');
    return name;
  }

  /** Resolve a ref's path; null when the kind is not served (so the object cannot exist). */
  async function refPath(ref: ObjectRef): Promise<string | null> {
    const found = await discovery.resolve(ref.apiVersion, ref.kind);
    return found ? resourcePath(found, namespaceFor(found, ref.namespace), ref.name) : null;
  }

  const cluster: KubeCluster = {
    resolve: (apiVersion, kind) => discovery.resolve(apiVersion, kind),
    invalidateDiscovery: () => discovery.invalidate(),
    preferredVersion: (group) => discovery.preferredVersion(group),

    async apply(obj, wopts) {
      const paths = await pathsOf(obj);
      return http.json<K8sObject>({
        method: 'PATCH',
        path: paths.object(nameOf(obj)),
        query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER, force: true },
        body: obj,
        // JSON is YAML, so the object goes as is.
        contentType: 'application/apply-patch+yaml',
      });
    },

    async replace(obj, wopts) {
      const paths = await pathsOf(obj);
      const name = nameOf(obj);
      try {
        return await http.json<K8sObject>({
          method: 'PUT',
          path: paths.object(name),
          query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER },
          body: obj,
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return cluster.create(obj, wopts);
        throw err;
      }
    },

    async create(obj, wopts) {
      const paths = await pathsOf(obj);
      return http.json<K8sObject>(
        {
          method: 'POST',
          path: paths.collection,
          query: { ...writeQuery(wopts), fieldManager: FIELD_MANAGER },
          body: obj,
        },
        // A retried POST after a dropped connection could create a second generateName object;
        // a dry run persists nothing, so it is retried like any other call.
        { safeOnly: !wopts?.dryRun },
      );
    },

    async get(ref) {
      const path = await refPath(ref);
      return path ? http.jsonOrNull<K8sObject>({ method: 'GET', path }) : null;
    },

    async list(apiVersion, kind, namespace, lopts?: ListOptions) {
      const found = await discovery.resolve(apiVersion, kind);
      if (!found) return [];
      const body = await http.json<ListBody>({
        method: 'GET',
        path: resourcePath(found, found.namespaced ? namespace : null),
        query: { labelSelector: lopts?.labelSelector, fieldSelector: lopts?.fieldSelector },
      });
      return (body.items ?? []).map((o) => ({ ...o, apiVersion, kind }));
    },

    async delete(ref, propagation?: Propagation) {
      const path = await refPath(ref);
      if (!path) return false;
      try {
        await http.json({ method: 'DELETE', path, query: { propagationPolicy: propagation } });
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return false;
        throw err;
      }
    },

    async watch(apiVersion, kind, namespace, onEvent: (e: WatchEvent) => void): Promise<Unsubscribe> {
      const found = await info(apiVersion, kind);
      const ns = found.namespaced ? namespace : null;
      const key = `${apiVersion} ${kind} ${ns ?? '*'}`;
      let hub = hubs.get(key);
      if (!hub || hub.isStopped) {
        const source = httpWatchSource(http, resourcePath(found, ns), apiVersion, kind, opts.watch);
        const created: WatchHub = new WatchHub(source, opts.watch, () => {
          if (hubs.get(key) === created) hubs.delete(key);
        });
        hubs.set(key, created);
        hub = created;
      }
      return hub.subscribe(onEvent);
    },

    podLogs(namespace: string, pod: string, lopts: LogOptions, onLine: (line: string) => void) {
      return streamPodLogs(http, namespace, pod, lopts, onLine);
    },

    async serverVersion() {
      try {
        const v = await http.json<{ gitVersion?: string }>({ method: 'GET', path: '/version' });
        return typeof v.gitVersion === 'string' ? v.gitVersion : null;
      } catch {
        return null;
      }
    },

    async canI(check) {
      const body = {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            verb: check.verb,
            group: check.group,
            resource: check.resource,
            subresource: check.subresource,
            namespace: check.namespace ?? undefined,
          },
        },
      };
      try {
        const review = await http.json<{ status?: { allowed?: boolean; denied?: boolean } }>({
          method: 'POST',
          path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          body,
        });
        return review.status?.allowed === true;
      } catch (err) {
        // A server that cannot review (no authorization API, a proxy refusing it) leaves the
        // answer to the dry run, which meets the same rules.
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) return true;
        throw err;
      }
    },

    serverHost() {
      const server = kc.getCurrentCluster()?.server ?? '';
      try {
        return new URL(server).host;
      } catch {
        return '';
      }
    },

    async close() {
      for (const hub of [...hubs.values()]) hub.stop();
      hubs.clear();
      transport.close?.();
    },

    watchStats() {
      return Object.fromEntries([...hubs].map(([key, hub]) => [key, hub.stats]));
    },
  };
  return cluster;
}
