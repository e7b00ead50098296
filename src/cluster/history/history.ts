// The app's sync history, newest first, kept in the inventory parent's data (key "history"):
// every finished sync with its revision, source, time, result, counts and duration, and whether
// its release (the exact plan) is stored for rollback. Bounded by history-limit.
export const HISTORY_KEY = 'history';

export interface HistoryEntry {
  /** Release number: v1, v2, ... */
  number: number;
  revision: string | null;
  /** What was deployed: the manifests' paths, or "rollback to vN". */
  source: string;
  startedAt: string;
  result: string;
  reason: string | null;
  message: string;
  counts: { tasks: number; pruned: number; failed: number };
  durationMs: number;
  /** The exact plan is in Secret wavesync-<app>-v<number> (successful syncs that fit). */
  stored: boolean;
}

export function readHistory(data: Record<string, string>): HistoryEntry[] {
  const raw = data[HISTORY_KEY];
  if (!raw) return [];
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as HistoryEntry[]) : [];
  } catch {
    return [];
  }
}

export function withHistory(data: Record<string, string>, entries: HistoryEntry[]): Record<string, string> {
  return { ...data, [HISTORY_KEY]: Buffer.from(JSON.stringify(entries), 'utf8').toString('base64') };
}

export function nextNumber(entries: HistoryEntry[]): number {
  return entries.reduce((max, e) => Math.max(max, e.number), 0) + 1;
}

/**
 * The release a rollback goes to: `to` (a release number "v3"/"3" or a revision prefix), else the
 * newest stored successful release older than the newest entry.
 */
export function rollbackTarget(entries: HistoryEntry[], to?: string): HistoryEntry | null {
  const ok = entries.filter((e) => e.stored && e.result === 'Succeeded');
  if (to) {
    const n = /^v?(\d+)$/.exec(to);
    return ok.find((e) => (n && e.number === Number(n[1])) || (e.revision !== null && to.length >= 4 && e.revision.startsWith(to))) ?? null;
  }
  const newest = entries[0];
  return ok.find((e) => e !== newest) ?? null;
}
