// Entry point of the manifest model: paths → objects with sources, and every problem found.
import path from 'node:path';
import { expandPaths } from './expand-paths.js';
import { parseManifestText } from './parse-file.js';
import { readManifestText } from './read-text.js';
import type { LoadResult } from './types.js';

export interface LoadOptions {
  /** Repository root: sources are reported relative to it. */
  root: string;
  /** Where relative paths and globs are resolved; defaults to root. */
  cwd?: string;
}

export function loadManifests(paths: string[], opts: LoadOptions): LoadResult {
  const result: LoadResult = { objects: [], errors: [], warnings: [] };
  if (paths.length === 0) {
    result.errors.push({ source: null, message: 'no manifests given: name at least one file, directory or glob' });
    return result;
  }
  const expanded = expandPaths(paths, opts.cwd ?? opts.root, opts.root);
  result.errors.push(...expanded.errors);
  for (const abs of expanded.files) {
    const file = relativeToRoot(abs, opts.root);
    const read = readManifestText(abs);
    if (!('text' in read)) {
      result.errors.push(
        read.line === null ? { source: null, message: `${file}: ${read.message}` } : { source: { file, line: read.line }, message: read.message },
      );
      continue;
    }
    const parsed = parseManifestText(read.text, file);
    result.objects.push(...parsed.objects);
    result.errors.push(...parsed.errors);
    result.warnings.push(...parsed.warnings);
  }
  return result;
}

/** Forward-slash path relative to root; absolute when the file lies outside it. */
export function relativeToRoot(abs: string, root: string): string {
  const rel = path.relative(path.resolve(root), abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}
