// A task's id: unique within a plan, readable in logs and events.
import type { Phase } from '../model/phases.js';

export function taskId(t: { phase: Phase; group: string; kind: string; namespace: string | null; name: string | null; generateName: string | null }): string {
  return `${t.phase}/${t.group}/${t.kind}/${t.namespace ?? ''}/${t.name ?? t.generateName ?? ''}`;
}
