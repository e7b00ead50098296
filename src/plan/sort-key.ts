// The total order of tasks (SEMANTICS section 2): phase, wave, kind rank, name, namespace, apiVersion.
import { kindRank } from './kind-order.js';
import { ALL_PHASES } from '../model/phases.js';
import type { Task } from './types.js';

type Sortable = Pick<Task, 'phase' | 'wave' | 'kind' | 'name' | 'generateName' | 'namespace' | 'apiVersion' | 'source'>;

export function compareTasks(a: Sortable, b: Sortable): number {
  return (
    ALL_PHASES.indexOf(a.phase) - ALL_PHASES.indexOf(b.phase) ||
    a.wave - b.wave ||
    kindRank(a.kind) - kindRank(b.kind) ||
    compareBytes(sortName(a), sortName(b)) ||
    compareBytes(a.namespace ?? '', b.namespace ?? '') ||
    compareBytes(a.apiVersion, b.apiVersion) ||
    // Only duplicates (already an error) get this far; keep even them reproducible.
    compareBytes(a.source.file, b.source.file) ||
    a.source.line - b.source.line
  );
}

/** A generateName hook sorts by its generateName. */
export function sortName(t: Pick<Task, 'name' | 'generateName'>): string {
  return t.name ?? t.generateName ?? '';
}

/** Byte order for the ASCII names Kubernetes allows (code unit order, not locale order). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
