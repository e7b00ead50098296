// Manifest paths (files, directories, globs) → the files to read, in a stable order.
import { globSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ValidationError } from './types.js';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface ExpandedPaths {
  /** Absolute paths, each once, in the order the inputs name them. */
  files: string[];
  errors: ValidationError[];
}

export function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

export function expandPaths(inputs: string[], cwd: string): ExpandedPaths {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const input of inputs) {
    if (isGlob(input)) {
      const matches = globSync(input, { cwd })
        .map((m) => path.resolve(cwd, m))
        .filter((m) => isFile(m) && hasManifestExtension(m))
        .sort();
      if (matches.length === 0) errors.push({ source: null, message: `${input}: no .yaml, .yml or .json file matches this pattern` });
      matches.forEach(add);
      continue;
    }
    const abs = path.resolve(cwd, input);
    const stat = statOrNull(abs);
    if (!stat) {
      errors.push({ source: null, message: `${input}: no such file or directory (give a file, a directory or a glob)` });
    } else if (stat.isDirectory()) {
      const found = walk(abs);
      if (found.length === 0) errors.push({ source: null, message: `${input}: directory has no .yaml, .yml or .json file` });
      found.forEach(add);
    } else {
      add(abs); // a file named explicitly is read whatever its extension
    }
  }
  return { files, errors };
}

/** Files under dir, recursively, sorted by path; hidden directories (.git, ...) are not entered. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') out.push(...walk(full));
    } else if (e.isFile() && hasManifestExtension(e.name)) {
      out.push(full);
    }
  }
  return out;
}

function hasManifestExtension(p: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function isFile(p: string): boolean {
  return statOrNull(p)?.isFile() ?? false;
}
