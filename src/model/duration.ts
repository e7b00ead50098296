// Durations as users write them in inputs and flags.

/** "90" → 90, "30s", "5m", "1h30m", "1.5m", "250ms" → seconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === '' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(t)) return null;
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const [, n, u] of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * unit[u];
  return total;
}

/** What a bad duration message says is accepted. */
export const DURATION_ACCEPTED = 'use seconds ("90") or units such as "30s", "5m", "1h30m"';
