// What the loader refuses to read, so hostile input costs bounded time and memory.
// Documented in README.md "What it reads"; change both together.

/** Deepest nesting of maps and sequences in one document (a CRD schema reaches about 40). */
export const MAX_NESTING_DEPTH = 100;

/** yaml's alias budget per document: alias uses weighted by what each one expands to. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Largest object, counted as the strings it holds once aliases are expanded. The API server takes
 * at most 3 MiB per request, so a bigger object can never be applied.
 */
export const MAX_OBJECT_BYTES = 3 * 1024 * 1024;

/** Largest manifest file read at all. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
