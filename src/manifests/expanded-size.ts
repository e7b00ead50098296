// The size of a parsed value once YAML aliases are expanded, without expanding them: an aliased
// map is one shared JS object, measured once and counted at every use. An alias inside its own
// anchor makes a cycle, which JSON (and so the API server) cannot carry.

export type ExpandedSize = { bytes: number; cyclic: false } | { bytes: null; cyclic: true };

/** Sum of the lengths of every key and string (other scalars count a few bytes); stops early above `stopAbove`. */
export function expandedSize(root: unknown, stopAbove: number): ExpandedSize {
  const memo = new Map<object, number>();
  const open = new Set<object>();
  // Iterative post-order walk: hostile input must not recurse.
  const stack: { v: unknown; done: boolean }[] = [{ v: root, done: false }];
  const results: number[] = [];
  while (stack.length > 0) {
    const { v, done } = stack.pop()!;
    if (typeof v === 'string') {
      results.push(v.length);
      continue;
    }
    if (typeof v !== 'object' || v === null) {
      results.push(8);
      continue;
    }
    const known = memo.get(v);
    if (known !== undefined) {
      results.push(known);
      continue;
    }
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    if (!done) {
      if (open.has(v)) return { bytes: null, cyclic: true };
      open.add(v);
      stack.push({ v, done: true });
      for (const c of children) stack.push({ v: c, done: false });
      continue;
    }
    open.delete(v);
    let total = 2;
    for (let i = 0; i < children.length; i++) total += results.pop()!;
    if (!Array.isArray(v)) for (const key of Object.keys(v)) total += key.length + 3;
    memo.set(v, total);
    results.push(total);
    if (total > stopAbove) return { bytes: total, cyclic: false };
  }
  return { bytes: results.pop() ?? 0, cyclic: false };
}
