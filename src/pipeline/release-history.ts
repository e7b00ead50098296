// After each sync: a history entry in the inventory parent (newest first, at most history-limit)
// and, for a successful sync, its exact plan as a release Secret; and the way back: the plan of
// the release a rollback goes to.
import { readHistory, rollbackTarget, withHistory, nextNumber, type HistoryEntry } from '../cluster/history/history.js';
import { loadRelease, pruneReleases, storeRelease } from '../cluster/history/releases.js';
import { readInventory, writeInventory } from '../cluster/inventory/inventory.js';
import type { ClusterPort } from '../cluster/port.js';
import type { Plan } from '../plan/types.js';
import type { SyncResult } from '../sync/events.js';

export interface RecordRequest {
  app: string;
  namespace: string;
  /** What the sync ran (before prune tasks were added): stored as the release. */
  plan: Plan;
  result: SyncResult;
  source: string;
  limit: number;
}

/** Records the sync; null when the app has no inventory (nothing was ever applied). Warnings go to `warn`. */
export async function recordSync(cluster: ClusterPort, req: RecordRequest, warn: (message: string) => void): Promise<HistoryEntry | null> {
  const state = await readInventory(cluster, req.app, req.namespace);
  if (!state.exists) return null;
  const entries = readHistory(state.data);
  const number = nextNumber(entries);
  let stored = false;
  if (req.result.result === 'Succeeded') {
    const outcome = await storeRelease(cluster, req.app, req.namespace, number, { plan: req.plan });
    stored = outcome.stored;
    if (!outcome.stored) warn(outcome.message);
  }
  const tasks = req.result.steps.flatMap((s) => s.tasks);
  const entry: HistoryEntry = {
    number,
    revision: req.result.revision,
    source: req.source,
    startedAt: new Date(req.result.startedAt).toISOString(),
    result: req.result.result,
    reason: req.result.reason,
    message: req.result.message.split('\n')[0],
    counts: {
      tasks: tasks.filter((t) => t.action !== 'pruned').length,
      pruned: tasks.filter((t) => t.action === 'pruned').length,
      failed: req.result.failures.length,
    },
    durationMs: req.result.durationMs,
    stored,
  };
  const kept = [entry, ...entries].slice(0, Math.max(1, req.limit));
  await writeInventory(cluster, state, state.groupKinds, state.additionalNamespaces, withHistory(state.data, kept));
  await pruneReleases(cluster, req.app, req.namespace, new Set(kept.filter((e) => e.stored).map((e) => e.number)));
  const previous = entries[0];
  req.result.release = {
    number,
    previous: previous ? { number: previous.number, revision: previous.revision, result: previous.result, startedAt: previous.startedAt } : null,
  };
  return entry;
}

export async function readAppHistory(cluster: ClusterPort, app: string, namespace: string): Promise<HistoryEntry[]> {
  const state = await readInventory(cluster, app, namespace);
  return state.exists ? readHistory(state.data) : [];
}

/** The plan to roll back to, or why there is none. */
export async function releaseToRollBackTo(
  cluster: ClusterPort,
  app: string,
  namespace: string,
  to?: string,
): Promise<{ entry: HistoryEntry; plan: Plan } | { problem: string }> {
  const entries = await readAppHistory(cluster, app, namespace);
  const entry = rollbackTarget(entries, to);
  if (!entry)
    return {
      problem: to
        ? `app ${app} has no stored successful release matching "${to}" (see wavesync history)`
        : `app ${app} has no earlier successful release to roll back to (see wavesync history)`,
    };
  const release = await loadRelease<{ plan: Plan }>(cluster, app, namespace, entry.number);
  if (!release) return { problem: `the release Secret of v${entry.number} (${entry.revision ?? 'no revision'}) is missing` };
  return { entry, plan: release.plan };
}
