// A compact copy of a parsed document that uses YAML aliases. yaml builds each map by adding keys one at a
// time, which leaves V8 objects with spare room (20 MB of small manifests kept about twice the
// memory without a copy). Unlike structuredClone, strings are shared (immutable in JS) and a value
// a YAML alias uses many times stays one shared value: a 1 MiB string aliased by 900 objects cost
// 900 MiB as separate copies. Kept objects are read-only (plan/types.ts Task.object).

/** Deep copy of maps and lists, sharing strings and aliased values; the input must be acyclic. */
export function compactCopy<T>(root: T, shared: Map<object, unknown> = new Map()): T {
  return copy(root, shared) as T;
}

function copy(v: unknown, shared: Map<object, unknown>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const seen = shared.get(v);
  if (seen !== undefined) return seen;
  let out: unknown;
  if (Array.isArray(v)) {
    const arr = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) arr[i] = copy(v[i], shared);
    out = arr;
  } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
    // Object.fromEntries sizes the object once for all its keys.
    out = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, copy(x, shared)]));
  } else {
    out = structuredClone(v); // Dates and other tagged values: rare, small
  }
  shared.set(v, out);
  return out;
}
