// Mode diff against a cluster: validate and dry-run every object server-side (as a sync does
// first), then compare each dry-run answer with the live object. What would be pruned comes from
// the sync's own prune plan (src/plan/prune-plan.ts, through the inventory stage), given here.
import type { ClusterPort } from '../cluster/port.js';
import type { K8sObject } from '../manifests/types.js';
import type { Problem } from '../model/problems.js';
import { KEEP_MESSAGES, type PruneTask } from '../plan/prune-plan.js';
import type { Plan, Step } from '../plan/types.js';
import { describeApiError, validateAgainstCluster } from '../sync/validate.js';
import { maskSecrets, toYaml, withoutServerFields } from './normalize.js';
import type { DiffChange, DiffCounts, DiffResult, HookRun, ObjectDiff, PruneCandidate } from './types.js';
import { unifiedDiff } from './unified.js';

export async function computeDiff(
  cluster: ClusterPort,
  plan: Plan,
  opts: {
    server: string | null;
    signal?: AbortSignal;
    prunes?: PruneTask[];
    /** create-namespace: the app namespace, created first by a sync. */ createsNamespaces?: string[];
  },
): Promise<{ result: DiffResult | null; errors: Problem[] }> {
  const validated = await validateAgainstCluster(cluster, plan, { signal: opts.signal, createsNamespaces: opts.createsNamespaces });
  if (validated.errors.length > 0) return { result: null, errors: validated.errors };
  const objects: ObjectDiff[] = [];
  const errors: Problem[] = [];
  const hooks: HookRun[] = [];
  const steps: Step[] = [...validated.plan.steps, ...validated.plan.syncFail];
  for (const step of steps)
    for (const t of step.tasks) {
      if (t.hook || !t.name) {
        hooks.push({ phase: step.phase, wave: step.wave, kind: t.kind, namespace: t.namespace, name: t.name ?? `${t.generateName ?? ''}…`, source: t.source });
        continue;
      }
      let live: K8sObject | null;
      try {
        live = await cluster.get({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name });
      } catch (err) {
        errors.push({ source: t.source, message: `${t.kind} ${t.name}: could not read the live object: ${describeApiError(err)}` });
        continue;
      }
      // Without a dry-run answer (a namespace the sync creates, a kind its CRD adds) the manifest is what we have.
      const after = withoutServerFields(validated.dryRuns.get(t.id) ?? t.object);
      const masked = maskSecrets(live ? withoutServerFields(live) : null, after);
      const where = `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
      const diff = unifiedDiff(toYaml(masked.live), toYaml(masked.next), live ? `live ${where}` : '/dev/null', `${t.source.file} ${where}`);
      const change: DiffChange = !live ? 'new' : diff ? 'changed' : 'unchanged';
      // The server cannot dry-run into a namespace that is not there: say what was not checked.
      const note =
        t.namespace && validated.missingNamespaces.has(t.namespace)
          ? `namespace ${t.namespace} does not exist yet (the sync creates it): not dry-run, shown as in the manifests`
          : null;
      objects.push({ apiVersion: t.apiVersion, kind: t.kind, namespace: t.namespace, name: t.name, change, diff, source: t.source, note });
    }
  if (errors.length > 0) return { result: null, errors };
  const prunes = pruneCandidates(opts.prunes ?? []);
  const counts: DiffCounts = { new: 0, changed: 0, unchanged: 0, prune: prunes.filter((p) => p.keep === null).length };
  for (const o of objects) counts[o.change]++;
  return {
    result: {
      app: plan.app,
      revision: plan.revision,
      server: opts.server,
      objects,
      hooks,
      prunes,
      counts,
      changes: counts.new + counts.changed + counts.prune > 0,
    },
    errors: [],
  };
}

/** The prune tasks as the sync runs them: by wave (the sync's mirrored order), PruneLast last. */
function pruneCandidates(tasks: PruneTask[]): PruneCandidate[] {
  return [...tasks]
    .sort((a, b) => a.wave - b.wave)
    .map((t) => ({
      apiVersion: t.apiVersion,
      kind: t.kind,
      namespace: t.namespace,
      name: t.name ?? '',
      wave: t.wave,
      // Diff plans prunes as `sync --prune` would, so "prune is off" never comes up here.
      keep: t.keep === 'prune-off' ? null : t.keep,
      message: t.keep && t.keep !== 'prune-off' ? KEEP_MESSAGES[t.keep] : 'would prune: no longer in the manifests',
    }));
}
