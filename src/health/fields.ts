// Small readers for the loosely typed JSON of live objects, so rules stay short and never throw.
import { groupOf, type K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthStatus } from './types.js';

export type Json = Record<string, unknown>;

/** A standard status condition (metav1.Condition and the older per-kind variants). */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object's field at a path, or undefined when any step is missing. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

export function num(obj: unknown, ...path: string[]): number | undefined {
  const v = field(obj, ...path);
  return typeof v === 'number' ? v : undefined;
}

export function str(obj: unknown, ...path: string[]): string | undefined {
  const v = field(obj, ...path);
  return typeof v === 'string' ? v : undefined;
}

export function conditionsOf(obj: unknown): Condition[] {
  const list = field(obj, 'status', 'conditions');
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is Condition => isRecord(c) && typeof c.type === 'string' && typeof c.status === 'string');
}

export function condition(obj: unknown, type: string): Condition | undefined {
  return conditionsOf(obj).find((c) => c.type === type);
}

/** "Reason: message" of a condition, skipping whichever part is empty. */
export function describeCondition(c: Condition): string {
  const parts = [c.reason, c.message].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(': ') : `${c.type}=${c.status}`;
}

export function result(status: HealthStatus, message: string): HealthResult {
  return { status, message };
}

/** True when the controller has not yet acted on the latest spec (metadata.generation). */
export function generationPending(obj: K8sObject): boolean {
  const generation = num(obj, 'metadata', 'generation');
  if (generation === undefined) return false;
  const observed = num(obj, 'status', 'observedGeneration') ?? 0;
  return observed < generation;
}

export function generationMessage(obj: K8sObject): string {
  const generation = num(obj, 'metadata', 'generation');
  return `waiting for the controller to observe generation ${generation ?? '?'}`;
}

/** "1 replica" / "2 replicas". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** True when the object is of this API group (apiVersion's prefix) and kind. */
export function isKind(obj: K8sObject, group: string, kind: string): boolean {
  return obj.kind === kind && groupOf(obj.apiVersion) === group;
}
