// After sorting: a Namespace or CRD from the manifests moves just before the first task that needs it,
// taking that task's phase and wave (SEMANTICS section 2).
import { groupOf } from '../manifests/types.js';
import { taskId } from './task-id.js';
import type { Task } from './types.js';

/** What a task provides to others (a namespace, a group/kind), if anything. */
function provides(t: Task): string | null {
  if (t.group === '' && t.kind === 'Namespace' && t.name) return `ns:${t.name}`;
  if (t.group === 'apiextensions.k8s.io' && t.kind === 'CustomResourceDefinition') {
    const spec = t.object.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
    if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string') return `gk:${spec.group}/${spec.names.kind}`;
  }
  return null;
}

function needs(t: Task): string[] {
  const out = [`gk:${groupOf(t.apiVersion)}/${t.kind}`];
  if (t.namespace) out.push(`ns:${t.namespace}`);
  return out;
}

/** The same manifest object (a hook of several phases has one task per phase). */
function sameObject(a: Task, b: Task): boolean {
  return a.source === b.source || (a.source.file === b.source.file && a.source.line === b.source.line && a.kind === b.kind && a.name === b.name);
}

/** Returns a new array; tasks that move are copies with the new phase, wave and id. */
export function moveDependenciesFirst(sorted: Task[]): Task[] {
  const tasks = [...sorted];
  const providers = tasks.filter((t) => provides(t) !== null);
  for (const provider of providers) {
    const key = provides(provider)!;
    const from = tasks.indexOf(provider);
    const firstUser = tasks.findIndex((t) => !sameObject(t, provider) && needs(t).includes(key));
    if (firstUser < 0 || from < firstUser) continue;
    // Already provided earlier by another task of the same object (a hook of an earlier phase).
    if (tasks.slice(0, firstUser).some((t) => sameObject(t, provider))) continue;
    const target = tasks[firstUser];
    const moved: Task = { ...provider, phase: target.phase, wave: target.wave };
    moved.id = taskId(moved);
    if (tasks.some((t) => t !== provider && t.id === moved.id)) continue;
    tasks.splice(from, 1);
    tasks.splice(firstUser, 0, moved);
  }
  return tasks;
}
