// An in-memory ClusterPort for fast unit tests of the engine's logic. It keeps objects, versions,
// generations, watches and logs; "controllers" are test callbacks that react to writes, so a test
// decides when a Job completes or a Deployment becomes available. It is not a Kubernetes API mock
// for end-to-end tests: those run against the real local control plane.
import type { K8sObject } from '../../manifests/types.js';
import { groupOf } from '../../manifests/types.js';
import { selectorStringMatches } from '../../model/label-selector.js';
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
import { BUILTIN_KINDS } from './kinds.js';

export interface RecordedOp {
  verb: 'apply' | 'replace' | 'create' | 'delete' | 'dry-run' | 'get' | 'watch';
  kind: string;
  namespace: string | null;
  name: string;
  at: number;
}

/** Reacts to a stored object (after create/apply/replace/status change). May call setStatus etc. */
export type Controller = (obj: K8sObject, cluster: MemoryCluster) => void;

type Fault = { verb: RecordedOp['verb'] | 'any'; match: (obj: { kind: string; name: string }) => boolean; error: Error; times: number };

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryCluster implements ClusterPort {
  readonly ops: RecordedOp[] = [];
  private readonly kinds = new Map<string, ResourceInfo>();
  private readonly store = new Map<string, K8sObject>();
  private readonly subs = new Set<{ group: string; kind: string; namespace: string | null; fn: (e: WatchEvent) => void }>();
  private readonly controllers = new Map<string, Controller[]>();
  private readonly logs = new Map<string, string[]>();
  private readonly faults: Fault[] = [];
  private rv = 1;
  private uid = 1;
  private closed = false;
  /** Deletion of objects of these kinds is delayed (ms), as finalizers or foreground deletion would. */
  deleteDelayMs: Record<string, number> = {};
  /**
   * How long a new CRD takes to become Established and served (ms), as the API server's CRD
   * controllers take a moment; Infinity: never (NamesAccepted stays False).
   */
  crdEstablishDelayMs = 0;
  /** Discovery serves a CRD's kind this long after it is Established (a real API server lags too). */
  crdServeLagMs = 0;
  /** Called for every (non-dry-run and dry-run) write; throw ApiError to reject, like strict validation. */
  validate: ((obj: K8sObject, opts: WriteOptions) => void) | null = null;

  constructor() {
    for (const k of BUILTIN_KINDS) this.kinds.set(`${k.group}/${k.kind}`, k);
  }

  // --- test controls -----------------------------------------------------------------------

  /** Register a controller for a kind; it runs asynchronously after each write of that kind. */
  react(kind: string, fn: Controller): void {
    const list = this.controllers.get(kind) ?? [];
    list.push(fn);
    this.controllers.set(kind, list);
  }

  /** Make the next `times` writes matching fail with `error`. */
  fail(verb: Fault['verb'], match: Fault['match'], error: Error, times = 1): void {
    this.faults.push({ verb, match, error, times });
  }

  setLogs(namespace: string, pod: string, lines: string[]): void {
    this.logs.set(`${namespace}/${pod}`, lines);
  }

  /** Merge a status into a stored object (like a controller's status update). */
  setStatus(ref: ObjectRef, status: Record<string, unknown>): K8sObject | null {
    const key = this.keyOf(ref);
    const cur = this.store.get(key);
    if (!cur) return null;
    const next = clone(cur);
    next.status = { ...((cur.status as object) ?? {}), ...status };
    next.metadata.resourceVersion = String(this.rv++);
    this.store.set(key, next);
    this.notify('MODIFIED', next);
    return clone(next);
  }

  /** Put an object as another actor would (e.g. a Pod made by a controller). */
  put(obj: K8sObject): K8sObject {
    return this.write(clone(obj), 'create');
  }

  objects(): K8sObject[] {
    return [...this.store.values()].map(clone);
  }

  // --- ClusterPort ---------------------------------------------------------------------------

  async resolve(apiVersion: string, kind: string): Promise<ResourceInfo | null> {
    const info = this.kinds.get(`${groupOf(apiVersion)}/${kind}`);
    if (!info) return null;
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
    return { ...info, version };
  }

  invalidateDiscovery(): void {}

  async preferredVersion(group: string): Promise<string | null> {
    const info = [...this.kinds.values()].find((k) => k.group === group);
    if (!info) return null;
    return group ? `${group}/${info.version}` : info.version;
  }

  async apply(obj: K8sObject, opts: WriteOptions = {}): Promise<K8sObject> {
    return this.writeOp(opts.dryRun ? 'dry-run' : 'apply', obj, opts, (o) => {
      const cur = this.store.get(this.keyOf(o));
      // Server-side apply keeps fields the manifest does not mention, like status.
      return cur ? { ...cur, ...o, metadata: { ...cur.metadata, ...o.metadata }, status: cur.status } : o;
    });
  }

  async replace(obj: K8sObject, opts: WriteOptions = {}): Promise<K8sObject> {
    return this.writeOp(opts.dryRun ? 'dry-run' : 'replace', obj, opts, (o) => {
      const cur = this.store.get(this.keyOf(o));
      const expected = o.metadata.resourceVersion;
      if (expected && (!cur || cur.metadata.resourceVersion !== expected))
        throw new ApiError(409, `Operation cannot be fulfilled on ${o.kind} "${o.metadata.name}": the object has been modified`, 'Conflict');
      return cur ? { ...o, metadata: { ...o.metadata, uid: cur.metadata.uid }, status: cur.status } : o;
    });
  }

  async create(obj: K8sObject, opts: WriteOptions = {}): Promise<K8sObject> {
    const o = clone(obj);
    if (!o.metadata.name && o.metadata.generateName) o.metadata.name = `${o.metadata.generateName}${(this.uid++).toString(36)}x`;
    if (this.store.has(this.keyOf(o))) throw new ApiError(409, `${o.kind} "${o.metadata.name}" already exists`, 'AlreadyExists');
    return this.writeOp(opts.dryRun ? 'dry-run' : 'create', o, opts, (x) => x);
  }

  async get(ref: ObjectRef): Promise<K8sObject | null> {
    this.ensureOpen();
    this.takeFault('get', { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name } });
    const o = this.store.get(this.keyOf(ref));
    return o ? clone(o) : null;
  }

  async list(apiVersion: string, kind: string, namespace: string | null, opts: ListOptions = {}): Promise<K8sObject[]> {
    const group = groupOf(apiVersion);
    return [...this.store.values()]
      .filter((o) => groupOf(o.apiVersion) === group && o.kind === kind)
      .filter((o) => namespace === null || o.metadata.namespace === namespace)
      .filter((o) => matchesLabels(o, opts.labelSelector))
      .map(clone);
  }

  async delete(ref: ObjectRef, _propagation: Propagation = 'Background'): Promise<boolean> {
    this.ensureOpen();
    const key = this.keyOf(ref);
    const cur = this.store.get(key);
    if (!cur) return false;
    this.takeFault('delete', cur);
    this.record('delete', cur);
    const delay = this.deleteDelayMs[cur.kind] ?? 0;
    if (delay > 0) {
      if (!cur.metadata.deletionTimestamp) {
        const marked = clone(cur);
        marked.metadata.deletionTimestamp = new Date().toISOString();
        marked.metadata.resourceVersion = String(this.rv++);
        this.store.set(key, marked);
        this.notify('MODIFIED', marked);
        setTimeout(() => this.remove(key), delay);
      }
    } else {
      this.remove(key);
    }
    return true;
  }

  async watch(apiVersion: string, kind: string, namespace: string | null, onEvent: (e: WatchEvent) => void): Promise<Unsubscribe> {
    this.ensureOpen();
    // Like the real adapter: a kind the server does not serve (yet) cannot be watched.
    if (!(await this.resolve(apiVersion, kind))) throw new ApiError(404, `the server does not serve kind ${kind} in ${apiVersion}`, 'NotFound');
    this.takeFault('watch', { apiVersion, kind, metadata: { name: '' } });
    const sub = { group: groupOf(apiVersion), kind, namespace, fn: onEvent };
    for (const o of await this.list(apiVersion, kind, namespace)) onEvent({ type: 'ADDED', object: o });
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  async podLogs(namespace: string, pod: string, opts: LogOptions, onLine: (line: string) => void): Promise<void> {
    const lines = this.logs.get(`${namespace}/${pod}`) ?? [];
    const from = opts.tailLines ? Math.max(0, lines.length - opts.tailLines) : 0;
    for (const l of lines.slice(from)) onLine(l);
  }

  serverHost(): string {
    return 'memory.local';
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subs.clear();
  }

  // --- internals -----------------------------------------------------------------------------

  private keyOf(ref: { apiVersion: string; kind: string; metadata?: { namespace?: string; name?: string }; namespace?: string | null; name?: string }): string {
    const ns = 'metadata' in ref && ref.metadata ? ref.metadata.namespace : (ref as ObjectRef).namespace;
    const name = 'metadata' in ref && ref.metadata ? ref.metadata.name : (ref as ObjectRef).name;
    return `${groupOf(ref.apiVersion)}/${ref.kind}/${ns ?? ''}/${name ?? ''}`;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('memory cluster is closed');
  }

  private record(verb: RecordedOp['verb'], o: K8sObject): void {
    this.ops.push({ verb, kind: o.kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name ?? '', at: Date.now() });
  }

  private takeFault(verb: RecordedOp['verb'], o: Pick<K8sObject, 'kind' | 'metadata'> & { apiVersion: string }): void {
    const f = this.faults.find((x) => (x.verb === 'any' || x.verb === verb) && x.match({ kind: o.kind, name: o.metadata.name ?? '' }));
    if (!f) return;
    if (--f.times <= 0) this.faults.splice(this.faults.indexOf(f), 1);
    throw f.error;
  }

  private async writeOp(verb: RecordedOp['verb'], input: K8sObject, opts: WriteOptions, merge: (o: K8sObject) => K8sObject): Promise<K8sObject> {
    this.ensureOpen();
    const o = clone(input);
    const info = await this.resolve(o.apiVersion, o.kind);
    if (!info) throw new ApiError(404, `the server could not find the requested resource (${o.kind}.${groupOf(o.apiVersion)})`, 'NotFound');
    if (info.namespaced && !o.metadata.namespace) throw new ApiError(400, `${o.kind} ${o.metadata.name}: namespace required`);
    if (info.namespaced && !this.store.has(`/Namespace//${o.metadata.namespace}`) && !opts.dryRun)
      throw new ApiError(404, `namespaces "${o.metadata.namespace}" not found`, 'NotFound');
    this.takeFault(verb, o);
    this.validate?.(o, opts);
    const merged = merge(o);
    if (opts.dryRun) {
      this.record('dry-run', o);
      return clone(merged);
    }
    this.record(verb, o);
    return this.write(merged, verb);
  }

  private write(o: K8sObject, verb: RecordedOp['verb']): K8sObject {
    const key = this.keyOf(o);
    const cur = this.store.get(key);
    if (cur?.metadata.deletionTimestamp) throw new ApiError(409, `object ${o.metadata.name} is being deleted`, 'Conflict');
    o.metadata.uid = (cur?.metadata.uid as string) ?? `uid-${this.uid++}`;
    o.metadata.creationTimestamp = (cur?.metadata.creationTimestamp as string) ?? new Date().toISOString();
    const specChanged = !cur || JSON.stringify(specOf(cur)) !== JSON.stringify(specOf(o));
    o.metadata.generation = ((cur?.metadata.generation as number) ?? 0) + (specChanged ? 1 : 0);
    o.metadata.resourceVersion = String(this.rv++);
    if (o.kind === 'CustomResourceDefinition') this.registerCrd(o);
    this.store.set(key, o);
    this.notify(cur ? 'MODIFIED' : 'ADDED', o);
    for (const c of this.controllers.get(o.kind) ?? []) setTimeout(() => !this.closed && this.store.has(key) && c(clone(this.store.get(key)!), this), 0);
    void verb;
    return clone(o);
  }

  private registerCrd(crd: K8sObject): void {
    const spec = crd.spec as { group: string; names: { kind: string; plural: string }; scope: string; versions: { name: string }[] };
    const key = `${spec.group}/${spec.names.kind}`;
    const serveNow = () =>
      this.kinds.set(key, {
        group: spec.group,
        version: spec.versions?.[0]?.name ?? 'v1',
        kind: spec.names.kind,
        plural: spec.names.plural,
        namespaced: spec.scope !== 'Cluster',
      });
    const serve = () => (this.crdServeLagMs > 0 ? setTimeout(() => !this.closed && serveNow(), this.crdServeLagMs).unref() : serveNow());
    const established = [
      { type: 'NamesAccepted', status: 'True' },
      { type: 'Established', status: 'True' },
    ];
    if (this.kinds.has(key) || this.crdEstablishDelayMs <= 0) {
      serve();
      crd.status = { conditions: established };
      return;
    }
    if (!Number.isFinite(this.crdEstablishDelayMs)) {
      crd.status = { conditions: [{ type: 'NamesAccepted', status: 'False', reason: 'TestNeverEstablished', message: 'held back by the test' }] };
      return;
    }
    crd.status = { conditions: [{ type: 'Established', status: 'False', reason: 'Installing' }] };
    const ref = { apiVersion: crd.apiVersion, kind: crd.kind, namespace: null, name: crd.metadata.name ?? '' };
    setTimeout(() => {
      if (this.closed) return;
      serve();
      this.setStatus(ref, { conditions: established });
    }, this.crdEstablishDelayMs).unref();
  }

  private remove(key: string): void {
    const cur = this.store.get(key);
    if (!cur) return;
    this.store.delete(key);
    this.notify('DELETED', cur);
  }

  private notify(type: WatchEvent['type'], o: K8sObject): void {
    for (const s of this.subs) {
      if (s.kind !== o.kind || s.group !== groupOf(o.apiVersion)) continue;
      if (s.namespace !== null && s.namespace !== o.metadata.namespace) continue;
      const copy = clone(o);
      queueMicrotask(() => this.subs.has(s) && s.fn({ type, object: copy }));
    }
  }
}

function specOf(o: K8sObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

function matchesLabels(o: K8sObject, selector?: string): boolean {
  return selectorStringMatches(selector, o.metadata.labels ?? {});
}
