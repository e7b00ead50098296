// The cluster port: the only way the engine talks to Kubernetes. The real adapter is built on
// @kubernetes/client-node (src/cluster/kube/); unit tests use the in-memory one (src/cluster/memory/).
import type { K8sObject } from '../manifests/types.js';
import type { ObjectRef } from '../model/object-ref.js';

/** What discovery says about a kind. */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, e.g. "deployments". */
  plural: string;
  namespaced: boolean;
}

export type FieldValidation = 'Strict' | 'Ignore' | 'Warn';

export interface WriteOptions {
  /** Server-side dry run (dryRun=All): nothing is persisted. */
  dryRun?: boolean;
  fieldValidation?: FieldValidation;
}

export type Propagation = 'Foreground' | 'Background' | 'Orphan';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: K8sObject;
}
export type Unsubscribe = () => void;

export interface LogOptions {
  container?: string;
  follow: boolean;
  tailLines?: number;
  signal?: AbortSignal;
}

/** One verb on one resource, as RBAC sees it. */
export interface AccessCheck {
  verb: string;
  /** API group ("" for core). */
  group: string;
  /** Plural resource name. */
  resource: string;
  subresource?: string;
  namespace: string | null;
}

/** An API error from the server, with the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * True when a request never reached the API server (refused, no such host, TLS refused). The
 * adapter throws these as ClusterConnectionError; they are the run's environment failing, not a
 * problem of one object, so callers let them end the run with one message.
 */
export function isUnreachable(err: unknown): boolean {
  return err instanceof Error && err.name === 'ClusterConnectionError';
}

export interface ClusterPort {
  /** Resolve a kind through discovery (cached). null when the server does not serve it. */
  resolve(apiVersion: string, kind: string): Promise<ResourceInfo | null>;
  /** Drop cached discovery, e.g. after a CRD was created. */
  invalidateDiscovery(): void;
  /** The apiVersion the server prefers for an API group ("" → "v1"); null when it does not serve the group. */
  preferredVersion(group: string): Promise<string | null>;

  /** Server-side apply, field manager "wavesync", force=true. Returns the live object. */
  apply(obj: K8sObject, opts?: WriteOptions): Promise<K8sObject>;
  /**
   * PUT the object (replace), or create it when missing. With metadata.resourceVersion set, the
   * server refuses (409 Conflict) when the object changed since (optimistic locking, the Lease).
   */
  replace(obj: K8sObject, opts?: WriteOptions): Promise<K8sObject>;
  /** POST the object (needed for generateName). */
  create(obj: K8sObject, opts?: WriteOptions): Promise<K8sObject>;

  get(ref: ObjectRef): Promise<K8sObject | null>;
  list(apiVersion: string, kind: string, namespace: string | null, opts?: ListOptions): Promise<K8sObject[]>;
  /** Delete; false when it was already gone. Does not wait (see waitGone in ./wait.ts). */
  delete(ref: ObjectRef, propagation?: Propagation): Promise<boolean>;

  /**
   * Watch every object of a kind in a namespace (null: all namespaces). Implementations share one
   * watch per (kind, namespace), resume from the last resourceVersion and re-list on 410 Gone.
   * The handler first receives ADDED for every existing object.
   */
  watch(apiVersion: string, kind: string, namespace: string | null, onEvent: (e: WatchEvent) => void): Promise<Unsubscribe>;

  /** Container logs of a pod, one callback per line. Resolves when the stream ends or is aborted. */
  podLogs(namespace: string, pod: string, opts: LogOptions, onLine: (line: string) => void): Promise<void>;

  /**
   * Whether the kubeconfig's user may do this (SelfSubjectAccessReview). true when the server
   * cannot say; optional: ports without access control leave it out.
   */
  canI?(check: AccessCheck): Promise<boolean>;

  /** The API server's host, for reports (never credentials). */
  serverHost(): string;

  /** Stop every watch and timer. */
  close(): Promise<void>;
}

export function refOf(obj: K8sObject): ObjectRef {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? null,
    name: obj.metadata.name ?? '',
  };
}
