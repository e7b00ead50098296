// Every applied object that is not a hook is labelled as a member of the app's ApplySet, so the
// next sync (and kubectl) can find it. Hooks are never members: they are deleted by their policies.
import { groupOf } from '../manifests/types.js';
import { PART_OF_LABEL as PART_OF } from '../model/applyset-keys.js';
import type { Plan, Step, Task } from './types.js';

export function labelMembers(plan: Plan, applysetId: string): Plan {
  const label = (t: Task): Task =>
    t.hook ? t : { ...t, object: { ...t.object, metadata: { ...t.object.metadata, labels: { ...(t.object.metadata.labels ?? {}), [PART_OF]: applysetId } } } };
  const steps = (list: Step[]) => list.map((s) => ({ ...s, tasks: s.tasks.map(label) }));
  return { ...plan, steps: steps(plan.steps) };
}

/** The kinds ("Deployment.apps") and namespaces the plan's members live in. */
export function memberScope(plan: Plan): { groupKinds: string[]; namespaces: string[] } {
  const members = plan.steps.flatMap((s) => s.tasks).filter((t) => !t.hook);
  const gk = (t: Task) => (groupOf(t.apiVersion) ? `${t.kind}.${groupOf(t.apiVersion)}` : t.kind);
  return {
    groupKinds: [...new Set(members.map(gk))].sort(),
    namespaces: [...new Set(members.map((t) => t.namespace).filter((n): n is string => !!n))].sort(),
  };
}
