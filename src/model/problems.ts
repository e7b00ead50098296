// A problem a user can fix, where it is, how it prints and the order a list of them is shown in.

/** Where an object came from: file relative to the repository root, 1-based line of its document. */
export interface Source {
  file: string;
  line: number;
}

/** Printed as `file:line: message`; no source when the problem is not in a file (an input). */
export interface Problem {
  source: Source | null;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.source ? `${p.source.file}:${p.source.line}: ${p.message}` : p.message;
}

/** By file, then line (problems without a place first), stable otherwise. */
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
