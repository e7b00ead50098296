// A CRD and its custom resources may share a step (SEMANTICS 3.3). Nothing may be asked of the
// server about such a kind before its CRD is Established and discovery serves the kind: this file
// says which kinds a step's CRDs define and waits, bounded and reported, until they are ready.
import type { ClusterPort } from '../cluster/port.js';
import { groupOf, type K8sObject } from '../manifests/types.js';
import type { Task } from '../plan/types.js';
import type { ObjectFeed } from './object-feed.js';

/** The longest wait for one CRD to be Established (within the sync's own timeout). */
export const CRD_ESTABLISH_TIMEOUT_MS = 120_000;
/** How often "waiting for CRD ..." is repeated while waiting. */
export const CRD_WAIT_REPORT_MS = 10_000;
/** After Established, how long discovery may take to serve the kind. */
export const CRD_SERVED_TIMEOUT_MS = 15_000;
const RECHECK_MS = 1_000;
const SERVED_POLL_MS = 200;

export const kindKey = (group: string, kind: string) => `${group}/${kind}`;

/** group/kind defined by a CustomResourceDefinition task, or null. */
export function crdDefines(t: Pick<Task, 'kind' | 'group' | 'object'>): string | null {
  if (t.kind !== 'CustomResourceDefinition' || t.group !== 'apiextensions.k8s.io') return null;
  const spec = t.object.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
  if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string') return null;
  return kindKey(spec.group, spec.names.kind);
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

/** Established, refused (NamesAccepted=False: a name clash no wait fixes), or still installing. */
export function crdReadiness(crd: K8sObject | null | undefined): { state: 'established' | 'refused' | 'waiting'; message: string } {
  const conditions = ((crd?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
  const cond = (type: string) => conditions.find((c) => c.type === type);
  if (cond('Established')?.status === 'True') return { state: 'established', message: 'Established' };
  const names = cond('NamesAccepted');
  if (names?.status === 'False')
    return { state: 'refused', message: `NamesAccepted=False${names.reason ? ` (${names.reason})` : ''}${names.message ? `: ${names.message}` : ''}` };
  const est = cond('Established');
  const detail = est
    ? `Established=${est.status}${est.reason ? ` (${est.reason})` : ''}${est.message ? `: ${est.message}` : ''}`
    : 'no Established condition yet';
  return { state: 'waiting', message: detail };
}

export interface CrdWait {
  cluster: ClusterPort;
  feed: ObjectFeed;
  /** The CRD's name (plural.group) and the feed key of its live object. */
  name: string;
  feedKey: string;
  now: () => number;
  /** Absolute ms: the sync's own deadline. */
  deadline: number;
  signal: AbortSignal;
  report: (message: string) => void;
}

/** Resolves null once Established, else the reason it is not (refused, timed out, cancelled). */
export async function awaitEstablished(w: CrdWait): Promise<string | null> {
  const started = w.now();
  const until = Math.min(w.deadline, started + CRD_ESTABLISH_TIMEOUT_MS);
  const ref = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', namespace: null, name: w.name };
  let lastReport = -Infinity;
  let lastGet = w.now();
  let latest = w.feed.latest(w.feedKey);
  for (;;) {
    const r = crdReadiness(latest);
    if (r.state === 'established') return null;
    if (r.state === 'refused') return `CustomResourceDefinition ${w.name} is not accepted: ${r.message}`;
    if (w.signal.aborted) return 'cancelled while waiting for the CRD to be established';
    if (w.now() >= until) {
      const waited = Math.round((w.now() - started) / 1000);
      return `CustomResourceDefinition ${w.name} was not established within ${waited}s (${r.message}); its custom resources were not applied`;
    }
    if (w.now() - lastReport >= CRD_WAIT_REPORT_MS) {
      w.report(`waiting for CRD ${w.name} to be established${lastReport > -Infinity ? ` (${Math.round((w.now() - started) / 1000)}s, ${r.message})` : ''}`);
      lastReport = w.now();
    }
    await nextChange(w, Math.min(RECHECK_MS, until - w.now()));
    latest = w.feed.latest(w.feedKey) ?? latest;
    // The watch is the fast path; a get now and then covers a watch that fell behind.
    if (w.now() - lastGet >= RECHECK_MS) {
      lastGet = w.now();
      latest = (await w.cluster.get(ref)) ?? latest;
    }
  }
}

/** After Established, discovery forgets what it knew and waits (briefly) until the kind is served. */
export async function awaitServed(
  cluster: ClusterPort,
  kinds: { apiVersion: string; kind: string }[],
  opts: { now: () => number; deadline: number; signal: AbortSignal },
): Promise<{ apiVersion: string; kind: string } | null> {
  cluster.invalidateDiscovery();
  const until = Math.min(opts.deadline, opts.now() + CRD_SERVED_TIMEOUT_MS);
  for (const k of kinds) {
    for (;;) {
      if (await cluster.resolve(k.apiVersion, k.kind)) break;
      if (opts.signal.aborted || opts.now() >= until) return k;
      await new Promise((r) => setTimeout(r, SERVED_POLL_MS));
      cluster.invalidateDiscovery();
    }
  }
  return null;
}

function nextChange(w: CrdWait, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      w.signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(1, ms));
    const off = w.feed.onChange((e) => {
      if (e.object.kind === 'CustomResourceDefinition' && e.object.metadata.name === w.name && groupOf(e.object.apiVersion) === 'apiextensions.k8s.io') done();
    });
    w.signal.addEventListener('abort', done, { once: true });
  });
}
