// Validation before change (SEMANTICS 7.2, 7.3): resolve every kind through discovery, settle
// namespaces, then dry-run every object server-side. Nothing in the cluster changes here, except
// the app namespace when create-namespace asks for it.
import { ApiError, isUnreachable, type ClusterPort, type ResourceInfo } from '../cluster/port.js';
import type { K8sObject, ValidationError } from '../manifests/types.js';
import type { Plan, Step, Task } from '../plan/types.js';
import { mapLimit } from './concurrency.js';
import { DEFAULT_CONCURRENCY } from './options.js';
import { crdScopes } from '../plan/namespaces.js';
import { liveObjectFor } from './live-object.js';
import { usesReplace } from './apply-task.js';
import { checkPermissions } from './permissions.js';

export interface ValidatedPlan {
  plan: Plan;
  errors: ValidationError[];
  /** The server's dry-run answer per task id (for --dry-run change reports). */
  dryRuns: Map<string, K8sObject>;
  /** Namespaces the sync creates that do not exist yet: objects in them were not dry-run. */
  missingNamespaces: Set<string>;
}

const allSteps = (p: Plan): Step[] => [...p.steps, ...p.syncFail, ...p.preDelete, ...p.postDelete];

function withNamespace(task: Task, namespace: string | null): Task {
  // Only metadata changes; nested values stay shared (Task.object is read-only).
  const object: K8sObject = { ...task.object, metadata: { ...task.object.metadata } };
  if (namespace) object.metadata.namespace = namespace;
  else delete object.metadata.namespace;
  return { ...task, namespace, object };
}

/** Resolve kinds and namespaces. Tasks whose kind the server does not know yet are marked for no dry run. */
async function resolveTasks(cluster: ClusterPort, plan: Plan, errors: ValidationError[], noDryRun: Set<string>): Promise<Plan> {
  const crds = crdScopes(allSteps(plan).flatMap((s) => s.tasks));
  const cache = new Map<string, Promise<ResourceInfo | null>>();
  const resolve = (t: Task) => {
    const key = `${t.apiVersion}/${t.kind}`;
    if (!cache.has(key)) cache.set(key, cluster.resolve(t.apiVersion, t.kind));
    return cache.get(key)!;
  };
  const fix = async (t: Task): Promise<Task> => {
    let info: ResourceInfo | null;
    try {
      info = await resolve(t);
    } catch (err) {
      // An unreachable server is not this object's problem: one message for the run, not one per line.
      if (isUnreachable(err)) throw err;
      // Discovery refused or failed after its retries: an error at this object's line, not a crash.
      errors.push({ source: t.source, message: `${t.kind} (apiVersion ${t.apiVersion}): discovery failed: ${describeApiError(err)}` });
      noDryRun.add(t.id);
      return t;
    }
    if (info) return withNamespace(t, info.namespaced ? (t.namespace ?? plan.namespace) : null);
    noDryRun.add(t.id);
    const crdScope = crds.get(`${t.group}/${t.kind}`);
    if (crdScope !== undefined) return withNamespace(t, crdScope === 'Namespaced' ? (t.namespace ?? plan.namespace) : null);
    if (t.syncOptions.includes('SkipDryRunOnMissingResource=true')) return t;
    errors.push({
      source: t.source,
      message: `unknown kind ${t.kind} (apiVersion ${t.apiVersion}): the cluster does not serve it. Add its CustomResourceDefinition to the manifests, fix the apiVersion, or set argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true`,
    });
    return t;
  };
  const fixSteps = (steps: Step[]) => Promise.all(steps.map(async (s) => ({ ...s, tasks: await Promise.all(s.tasks.map(fix)) })));
  return {
    ...plan,
    steps: await fixSteps(plan.steps),
    syncFail: await fixSteps(plan.syncFail),
    preDelete: await fixSteps(plan.preDelete),
    postDelete: await fixSteps(plan.postDelete),
  };
}

/**
 * Namespaces that the sync itself creates (a Namespace in the manifests, or `also`: the app
 * namespace under create-namespace) and that do not exist yet: objects in them cannot be dry-run.
 */
async function namespacesToCreate(cluster: ClusterPort, plan: Plan, errors: ValidationError[], also: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const named = plan.steps.flatMap((s) => s.tasks).filter((t) => t.kind === 'Namespace' && t.group === '' && t.name);
  const candidates = [...named.map((t) => ({ name: t.name!, source: t.source })), ...also.map((name) => ({ name, source: null }))];
  for (const c of candidates) {
    if (out.has(c.name)) continue;
    try {
      const live = await cluster.get({ apiVersion: 'v1', kind: 'Namespace', namespace: null, name: c.name });
      if (!live) out.add(c.name);
    } catch (err) {
      errors.push({ source: c.source, message: `Namespace ${c.name}: could not read it: ${describeApiError(err)}` });
    }
  }
  return out;
}

export function describeApiError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

export async function ensureNamespace(cluster: ClusterPort, name: string): Promise<boolean> {
  const live = await cluster.get({ apiVersion: 'v1', kind: 'Namespace', namespace: null, name });
  if (live) return false;
  await cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return true;
}

/**
 * The name an object is dry-run under. A BeforeHookCreation hook is deleted and created anew, so
 * it is dry-run as a new object, not as a change to the previous run's (a Job's pod template is
 * immutable: a new image for a migration Job must not fail validation).
 */
function dryRunName(t: { name: string | null; generateName?: string | null; hook: boolean; deletePolicies: readonly string[] }): string {
  if (!t.name) return `${t.generateName ?? 'hook-'}dryrun`;
  if (t.hook && t.deletePolicies.includes('BeforeHookCreation')) return `${t.name.slice(0, 55)}-dryrun`;
  return t.name;
}

export async function validateAgainstCluster(
  cluster: ClusterPort,
  plan: Plan,
  opts: {
    signal?: AbortSignal;
    checkAccess?: boolean;
    /** Members the sync will prune: their delete is checked with the access check (never dry-run). */
    pruning?: Task[];
    /** Namespaces the run would create first (create-namespace without creating it). */
    createsNamespaces?: string[];
  },
): Promise<ValidatedPlan> {
  const errors: ValidationError[] = [];
  const dryRuns = new Map<string, K8sObject>();
  const noDryRun = new Set<string>();
  // Unknown kinds are reported together with every dry-run error of the other objects.
  const resolved = await resolveTasks(cluster, plan, errors, noDryRun);
  if (opts.checkAccess) {
    // A refused verb is said once, at its object's line; that object's dry run would only repeat it.
    const syncing = [...resolved.steps, ...resolved.syncFail, ...(opts.pruning?.length ? [{ tasks: opts.pruning }] : [])]
      .flatMap((s) => s.tasks)
      .filter((t) => !noDryRun.has(t.id));
    const withInfo = await Promise.all(syncing.map(async (task) => ({ task, info: await cluster.resolve(task.apiVersion, task.kind) })));
    const access = await checkPermissions(
      cluster,
      withInfo.flatMap((x) => (x.info ? [{ task: x.task, info: x.info }] : [])),
    );
    errors.push(...access.errors);
    for (const id of access.refused) noDryRun.add(id);
  }

  const creating = await namespacesToCreate(cluster, resolved, errors, opts.createsNamespaces ?? []);
  const tasks = allSteps(resolved).flatMap((s) => s.tasks);
  const seen = new Set<string>();
  const toDryRun = tasks.filter((t) => {
    if (noDryRun.has(t.id) || (t.namespace && creating.has(t.namespace))) return false;
    // A hook in two phases is the same object: one dry run is enough.
    const key = `${t.group}/${t.kind}/${t.namespace ?? ''}/${t.name ?? t.generateName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await mapLimit(toDryRun, DEFAULT_CONCURRENCY, async (t) => {
    if (opts.signal?.aborted) return;
    const obj = liveObjectFor(t, dryRunName(t));
    const fieldValidation = t.syncOptions.includes('Validate=false') ? 'Ignore' : 'Strict';
    try {
      const answer = usesReplace(t)
        ? await cluster.replace(obj, { dryRun: true, fieldValidation })
        : await cluster.apply(obj, { dryRun: true, fieldValidation });
      dryRuns.set(t.id, answer);
    } catch (err) {
      errors.push({ source: t.source, message: `${t.kind} ${t.name ?? obj.metadata.name}: dry run failed: ${describeApiError(err)}` });
    }
  });
  errors.sort((a, b) => (a.source?.file ?? '').localeCompare(b.source?.file ?? '') || (a.source?.line ?? 0) - (b.source?.line ?? 0));
  return { plan: resolved, errors, dryRuns, missingNamespaces: creating };
}
