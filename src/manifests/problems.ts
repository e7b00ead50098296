// Ordering problems for people: by file, then line (problems without a place first), stable otherwise.
import type { Source } from './types.js';

export function sortProblems<T extends { source: Source | null }>(problems: T[]): T[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const sa = a.p.source;
      const sb = b.p.source;
      if (!sa || !sb) return (sa ? 1 : 0) - (sb ? 1 : 0) || a.i - b.i;
      return (sa.file < sb.file ? -1 : sa.file > sb.file ? 1 : 0) || sa.line - sb.line || a.i - b.i;
    })
    .map(({ p }) => p);
}
