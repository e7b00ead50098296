// Waits that say why (SEMANTICS Health): the latest Warning events of an object and of what it owns
// (a Deployment's ReplicaSets and their pods, a Job's or StatefulSet's pods), for the message of a
// task that waits, and the pod-creation failures no retry fixes, for fail fast.
import type { K8sObject } from '../manifests/types.js';

/** The Warning reasons that explain a wait. */
export const WAIT_REASONS = ['FailedCreate', 'FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'ProvisioningFailed', 'Unhealthy'] as const;

/**
 * FailedCreate messages that no retry fixes: a missing ServiceAccount, Secret or ConfigMap the pod
 * references, an exceeded quota, a pod refused by admission (forbidden).
 */
const UNFIXABLE_CREATE = [/\b(serviceaccount|secret|configmap)s? "[^"]*" not found/i, /exceeded quota/i, /\bforbidden\b/i];

const MAX_SHOWN = 3;
const MAX_MESSAGE = 240;

export interface WarningSeen {
  reason: string;
  /** "Job migrate", "Pod web-6d4b-x2x". */
  on: string;
  uid: string;
  message: string;
  count: number;
  /** ISO time of the last occurrence ('' when unknown). */
  last: string;
}

interface EventView {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  series?: { count?: number; lastObservedTime?: string };
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string; uid?: string };
}

const ownerUids = (o: K8sObject) => ((o.metadata.ownerReferences ?? []) as { uid?: string }[]).map((r) => r.uid);

/** The object's uid and those of what it owns: its ReplicaSets, and their pods or its own. */
export function ownedUids(obj: K8sObject, pods: K8sObject[], replicaSets: K8sObject[]): Set<string> {
  const uids = new Set<string>();
  if (typeof obj.metadata.uid === 'string') uids.add(obj.metadata.uid);
  for (const rs of replicaSets) if (ownerUids(rs).some((u) => u && uids.has(u))) uids.add(rs.metadata.uid as string);
  for (const p of pods) if (ownerUids(p).some((u) => u && uids.has(u))) uids.add(p.metadata.uid as string);
  return uids;
}

/** Warning events of the wait reasons about these objects, newest first, one per (reason, object). */
export function warningsAbout(uids: Set<string>, events: K8sObject[]): WarningSeen[] {
  const byKey = new Map<string, WarningSeen>();
  for (const raw of events) {
    const e = raw as unknown as EventView;
    if (e.type !== 'Warning' || !(WAIT_REASONS as readonly string[]).includes(e.reason ?? '')) continue;
    const uid = e.involvedObject?.uid;
    if (!uid || !uids.has(uid)) continue;
    const seen: WarningSeen = {
      reason: e.reason!,
      on: `${e.involvedObject?.kind ?? ''} ${e.involvedObject?.name ?? ''}`.trim(),
      uid,
      message: clip((e.message ?? '').replace(/\s+/g, ' ').trim()),
      count: e.count ?? e.series?.count ?? 1,
      last: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? String(raw.metadata.creationTimestamp ?? ''),
    };
    const key = `${seen.reason}/${uid}`;
    const cur = byKey.get(key);
    if (!cur || cur.last <= seen.last) byKey.set(key, cur ? { ...seen, count: Math.max(seen.count, cur.count) } : seen);
  }
  return [...byKey.values()].sort((a, b) => b.last.localeCompare(a.last));
}

/** One line for a task's message, e.g. "Warning FailedCreate x4 on Job migrate: Error creating: ...". */
export function formatWarnings(list: WarningSeen[]): string {
  return list.slice(0, MAX_SHOWN).map(formatWarning).join('; ');
}

export function formatWarning(w: WarningSeen): string {
  return `Warning ${w.reason}${w.count > 1 ? ` x${w.count}` : ''} on ${w.on}: ${w.message}`;
}

/** A FailedCreate no retry fixes, about the workload or its ReplicaSets, or null. */
export function unfixableCreate(list: WarningSeen[]): WarningSeen | null {
  return list.find((w) => w.reason === 'FailedCreate' && UNFIXABLE_CREATE.some((re) => re.test(w.message))) ?? null;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
