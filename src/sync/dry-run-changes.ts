// What a sync would change, from the server's dry-run answer compared with the live object. Only
// field paths are reported, never values, so Secret data cannot leak into a diff line.
import type { K8sObject } from '../manifests/types.js';

export type PlannedChange = 'create' | 'update' | 'unchanged';

const VOLATILE_METADATA = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink']);
const MAX_PATHS = 10;

function normalized(o: K8sObject): Record<string, unknown> {
  const { status: _status, metadata, ...rest } = o;
  const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !VOLATILE_METADATA.has(k)));
  return { ...rest, metadata: meta };
}

function diffPaths(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length >= MAX_PATHS) return;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

/** Compare the live object with the dry-run result: which fields the sync would change. */
export function plannedChange(live: K8sObject | null, dryRun: K8sObject | null): { change: PlannedChange; fields: string[] } {
  if (!live) return { change: 'create', fields: [] };
  if (!dryRun) return { change: 'update', fields: [] };
  const fields: string[] = [];
  diffPaths(normalized(live), normalized(dryRun), '', fields);
  return fields.length ? { change: 'update', fields } : { change: 'unchanged', fields: [] };
}
