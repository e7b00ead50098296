// Fail fast with the cause: a workload's pod whose container has been stuck waiting (image pull,
// crash loop, bad config) for longer than the threshold fails the task now, with the pod's name
// and its last events, instead of after the progress deadline.
//
// Pods do not say since when a container waits, so the caller keeps a FirstSeen map for each
// workload across calls; findPodCause records new waits in it and forgets recovered ones.
import type { K8sObject } from '../manifests/types.js';
import { field, isRecord, num, str } from './fields.js';
import { containersOf, type ContainerView } from './containers.js';

export const FAIL_FAST_REASONS = [
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
] as const;
export type FailFastReason = (typeof FAIL_FAST_REASONS)[number];

/**
 * Reasons that alternate for one problem share a family, so the clock does not restart when
 * ErrImagePull turns into ImagePullBackOff and back.
 */
const FAMILY: Record<FailFastReason, string> = {
  ImagePullBackOff: 'image',
  ErrImagePull: 'image',
  InvalidImageName: 'image',
  CrashLoopBackOff: 'crash',
  CreateContainerConfigError: 'create',
  CreateContainerError: 'create',
};

/** Key "namespace/pod/container/family" → epoch ms when first seen waiting. One map per workload. */
export type FirstSeen = Map<string, number>;

export interface FailFastOptions {
  /** Epoch ms. */
  now: number;
  /** How long a container may wait in a fail-fast reason; 0 fails at the first sighting. */
  failFastAfterMs: number;
  firstSeen: FirstSeen;
}

export interface PodCause {
  reason: FailFastReason;
  namespace: string;
  pod: string;
  container: string;
  /** The kubelet's message, plus the last exit of a crash-looping container. */
  message: string;
  restartCount: number;
  /** How long it has been seen waiting, in ms. */
  waitingMs: number;
}

function isFailFastReason(reason: string | undefined): reason is FailFastReason {
  return (FAIL_FAST_REASONS as readonly string[]).includes(reason ?? '');
}

/** A crash-looping container runs briefly between back-offs; only a stable run ends the episode. */
function stillCrashLooping(c: ContainerView, pod: K8sObject, now: number, thresholdMs: number): boolean {
  if (c.waitingReason === 'CrashLoopBackOff') return true;
  if (!c.running || !c.ready) return c.restartCount > 0;
  const startedAt = containerStartedAt(pod, c.name);
  return startedAt !== undefined && now - startedAt < thresholdMs;
}

function containerStartedAt(pod: K8sObject, name: string): number | undefined {
  for (const key of ['initContainerStatuses', 'containerStatuses']) {
    const list = field(pod, 'status', key);
    if (!Array.isArray(list)) continue;
    const s = list.find((x) => isRecord(x) && x.name === name);
    const t = str(s, 'state', 'running', 'startedAt');
    if (t) return Date.parse(t);
  }
  return undefined;
}

/**
 * The first container (pods in the given order, init containers first) waiting in a fail-fast
 * reason for at least failFastAfterMs, or null. Updates opts.firstSeen.
 */
export function findPodCause(pods: readonly K8sObject[], opts: FailFastOptions): PodCause | null {
  const { now, failFastAfterMs, firstSeen } = opts;
  const live = new Set<string>();
  let found: PodCause | null = null;

  for (const pod of pods) {
    // A pod on its way out (an old replica) is not the rollout's problem.
    if (pod.metadata.deletionTimestamp) continue;
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    for (const c of containersOf(pod)) {
      const prefix = `${namespace}/${name}/${c.name}/`;
      // Keep the crash-loop clock running between back-offs.
      const crashKey = `${prefix}crash`;
      if (firstSeen.has(crashKey) && stillCrashLooping(c, pod, now, failFastAfterMs)) live.add(crashKey);
      if (!isFailFastReason(c.waitingReason)) continue;

      const key = prefix + FAMILY[c.waitingReason];
      live.add(key);
      if (!firstSeen.has(key)) firstSeen.set(key, now);
      const waitingMs = now - firstSeen.get(key)!;
      if (found || waitingMs < failFastAfterMs) continue;
      const message = [c.waitingMessage, c.lastTermination ? `last ${c.lastTermination}` : undefined].filter(Boolean).join('; ');
      found = { reason: c.waitingReason, namespace, pod: name, container: c.name, message, restartCount: c.restartCount, waitingMs };
    }
  }
  for (const key of [...firstSeen.keys()]) if (!live.has(key)) firstSeen.delete(key);
  return found;
}

/** What a core/v1 Event says, trimmed to what a failure report needs. */
export interface PodEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  /** ISO time of the last occurrence, '' when unknown. */
  lastTimestamp: string;
}

function toPodEvent(e: K8sObject): PodEvent {
  const last = str(e, 'lastTimestamp') ?? str(e, 'eventTime') ?? str(e, 'metadata', 'creationTimestamp') ?? '';
  return {
    type: str(e, 'type') ?? 'Normal',
    reason: str(e, 'reason') ?? '',
    message: (str(e, 'message') ?? '').replace(/\s+/g, ' ').trim(),
    count: num(e, 'count') ?? num(e, 'series', 'count') ?? 1,
    lastTimestamp: last,
  };
}

/** The events of one pod, oldest first. */
export function eventsForPod(events: readonly K8sObject[], namespace: string, pod: string): PodEvent[] {
  return events
    .filter((e) => str(e, 'involvedObject', 'kind') === 'Pod' && str(e, 'involvedObject', 'name') === pod)
    .filter((e) => (str(e, 'involvedObject', 'namespace') ?? namespace) === namespace)
    .map(toPodEvent)
    .sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp));
}

const MAX_MESSAGE = 240;
function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

/**
 * A short report: one headline, then the pod's last events, e.g.
 *   CrashLoopBackOff: pod shop/web-6d4b-x2x, container app (4 restarts, waiting 75s): back-off 40s ...
 *     Warning BackOff x12 (2024-05-01T10:00:00Z): Back-off restarting failed container app ...
 */
export function formatPodCause(cause: PodCause, events: readonly K8sObject[] = [], maxEvents = 5): string {
  const restarts = `${cause.restartCount} restart${cause.restartCount === 1 ? '' : 's'}`;
  const waited = `waiting ${Math.round(cause.waitingMs / 1000)}s`;
  const where = `pod ${cause.namespace ? `${cause.namespace}/` : ''}${cause.pod}, container ${cause.container}`;
  const lines = [`${cause.reason}: ${where} (${restarts}, ${waited})${cause.message ? `: ${clip(cause.message)}` : ''}`];
  for (const e of eventsForPod(events, cause.namespace, cause.pod).slice(-maxEvents)) {
    const count = e.count > 1 ? ` x${e.count}` : '';
    const when = e.lastTimestamp ? ` (${e.lastTimestamp})` : '';
    lines.push(`  ${e.type} ${e.reason}${count}${when}: ${clip(e.message)}`);
  }
  return lines.join('\n');
}
