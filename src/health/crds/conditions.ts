// Shared readings of the condition styles custom resources use, so each family file stays a few lines.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult, HealthStatus } from '../types.js';
import { condition, describeCondition, num, result, str } from '../fields.js';

/**
 * The common "Ready" reading: True → Healthy; False → Degraded (or Progressing for the transient
 * reasons given); Unknown or missing → Progressing with `waiting`.
 */
export function byReady(obj: K8sObject, waiting: string, opts: { type?: string; transient?: readonly string[] } = {}): HealthResult {
  const type = opts.type ?? 'Ready';
  const c = condition(obj, type);
  if (!c) return result('Progressing', waiting);
  if (c.status === 'True') return result('Healthy', c.message || `${type.toLowerCase()}`);
  if (c.status === 'False' && !(c.reason && opts.transient?.includes(c.reason))) return result('Degraded', describeCondition(c));
  return result('Progressing', c.message || c.reason ? describeCondition(c) : waiting);
}

/** The status a word in status.<key> maps to, from a small table of the family's own words. */
export function byWord(obj: K8sObject, key: string, table: Record<string, HealthStatus>, fallback: HealthStatus = 'Progressing'): HealthResult {
  const word = str(obj, 'status', key) ?? '';
  const status = table[word] ?? fallback;
  const message = str(obj, 'status', 'message') ?? str(obj, 'status', 'reason');
  const text = word ? `${key} ${word}` : `no ${key} yet`;
  return result(status, message ? `${text}: ${message}` : text);
}

/** Progressing when status.observedGeneration is a number older than metadata.generation. */
export function staleGeneration(obj: K8sObject): HealthResult | null {
  const generation = num(obj, 'metadata', 'generation');
  const observed = num(obj, 'status', 'observedGeneration');
  if (generation === undefined || observed === undefined || observed >= generation) return null;
  return result('Progressing', `waiting for the controller to observe generation ${generation}`);
}
