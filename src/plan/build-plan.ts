// The planner: manifest objects → the ordered plan. Pure: no I/O, no clock, no cluster.
import { findDuplicates, type Identified } from '../manifests/duplicates.js';
import { readObjectAnnotations, type ObjectAnnotations } from '../manifests/object-annotations.js';
import { defaultNamespaceError, objectMetaErrors } from '../manifests/object-meta.js';
import { groupOf, type K8sObject, type ManifestObject, type ValidationError, type Warning } from '../manifests/types.js';
import { moveDependenciesFirst } from './dependency-moves.js';
import { crdScopes, resolveNamespace } from './namespaces.js';
import { compareTasks } from './sort-key.js';
import { toSteps } from './steps.js';
import { taskId } from './task-id.js';
import { SYNC_PHASES, type Phase } from '../model/phases.js';
import type { Plan, SkippedObject, Task } from './types.js';

export interface PlanOptions {
  app: string;
  /** Default namespace for namespaced objects without one. */
  namespace: string;
  revision?: string | null;
}

export interface PlanResult {
  plan: Plan;
  /** Every validation error; when not empty, nothing may be applied. */
  errors: ValidationError[];
}

export function buildPlan(objects: ManifestObject[], opts: PlanOptions): PlanResult {
  const errors: ValidationError[] = [];
  const warnings: Warning[] = [];
  const skipped: SkippedObject[] = [];
  const tasks: Task[] = [];
  const applied: Identified[] = [];
  const crds = crdScopes(objects);
  const badNamespace = defaultNamespaceError(opts.namespace);
  if (badNamespace) errors.push(badNamespace);

  for (const m of objects) {
    const ann = readObjectAnnotations(m);
    errors.push(...ann.errors);
    warnings.push(...ann.warnings);
    const ns = resolveNamespace(m, opts.namespace, crds);
    if (ns.warning) warnings.push(ns.warning);

    if (ann.role.kind === 'skip') {
      skipped.push(skip(m, ns.namespace, 'argocd.argoproj.io/hook: Skip'));
      continue;
    }
    if (ann.role.kind === 'left-out') {
      skipped.push(skip(m, ns.namespace, ann.role.reason));
      warnings.push({ source: m.source, message: `${m.object.kind} ${displayName(m.object)}: ${ann.role.reason}` });
      continue;
    }
    if (ann.role.kind === 'resource' && !m.object.metadata.name) {
      errors.push({
        source: m.source,
        message: `${m.object.kind} has metadata.generateName but no metadata.name; generateName is only accepted on hooks (set argocd.argoproj.io/hook or metadata.name)`,
      });
      continue;
    }
    errors.push(...objectMetaErrors(m));
    applied.push({ manifest: m, namespace: ns.namespace });
    const phases: Phase[] = ann.role.kind === 'hook' ? ann.role.phases : ['Sync'];
    for (const phase of phases) tasks.push(makeTask(m, ann, phase, ns.namespace));
  }
  errors.push(...findDuplicates(applied));

  const ordered = (phases: readonly Phase[]) => toSteps(moveDependenciesFirst(tasks.filter((t) => phases.includes(t.phase)).sort(compareTasks)));

  const plan: Plan = {
    app: opts.app,
    revision: opts.revision ?? null,
    namespace: opts.namespace,
    steps: ordered(SYNC_PHASES),
    syncFail: ordered(['SyncFail']),
    preDelete: ordered(['PreDelete']),
    postDelete: ordered(['PostDelete']),
    skipped,
    warnings,
  };
  return { plan, errors };
}

function makeTask(m: ManifestObject, ann: ObjectAnnotations, phase: Phase, namespace: string | null): Task {
  const { apiVersion, kind, metadata } = m.object;
  const hook = ann.role.kind === 'hook';
  const name = metadata.name ?? null;
  const generateName = name === null ? (metadata.generateName ?? null) : null;
  // A new top level and metadata only: the rest is shared with the manifest (and with the other
  // phases of a hook), never copied, so a big or alias-heavy object costs its size once.
  const object: K8sObject = { ...m.object, metadata: { ...m.object.metadata } };
  if (namespace === null) delete object.metadata.namespace;
  else object.metadata.namespace = namespace;
  const base = { phase, group: groupOf(apiVersion), kind, namespace, name, generateName };
  return {
    id: taskId(base),
    ...base,
    wave: ann.wave,
    apiVersion,
    hook,
    deletePolicies: hook ? ann.deletePolicies : [],
    syncOptions: ann.syncOptions,
    source: m.source,
    object,
  };
}

function skip(m: ManifestObject, namespace: string | null, reason: string): SkippedObject {
  const { apiVersion, kind, metadata } = m.object;
  return { apiVersion, kind, name: metadata.name ?? null, namespace, reason, source: m.source };
}

function displayName(o: K8sObject): string {
  return o.metadata.name ?? `${o.metadata.generateName ?? ''}*`;
}
