// Manifest paths (files, directories, globs) → the files to read, in a stable order. Only files
// inside the repository root are read: a symlink or a `..` path leading outside it is an error
// (a workflow on a pull request must not be steered into reading the runner's files).
import { globSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
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

export function expandPaths(inputs: string[], cwd: string, root: string = cwd): ExpandedPaths {
  const files: string[] = [];
  const seenReal = new Set<string>();
  const errors: ValidationError[] = [];
  const realRoot = realOrNull(root) ?? path.resolve(root);
  const shown = (abs: string) => relativeTo(abs, root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  /** Adds a file once (by its real path, so two links to one file read it once). */
  const add = (abs: string) => {
    const real = realOrNull(abs);
    if (real === null) errors.push({ source: null, message: `${shown(abs)}: broken symbolic link` });
    else if (!inside(real)) errors.push(outside(shown(abs)));
    else if (!seenReal.has(real)) {
      seenReal.add(real);
      files.push(abs);
    }
  };
  const walker = new Walker(inside, shown, errors);

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
    } else if (!inside(realOrNull(abs) ?? abs)) {
      errors.push(outside(input));
    } else if (stat.isDirectory()) {
      const before = errors.length;
      const found = walker.walk(abs);
      if (found.length === 0 && errors.length === before) errors.push({ source: null, message: `${input}: directory has no .yaml, .yml or .json file` });
      found.forEach(add);
    } else {
      add(abs); // a file named explicitly is read whatever its extension
    }
  }
  return { files, errors };
}

function outside(shown: string): ValidationError {
  return { source: null, message: `${shown}: leads outside the repository; only files inside it are read` };
}

/**
 * Recursive walk, sorted by path; hidden directories (.git, ...) and node_modules are not entered.
 * Symbolic links are followed when they stay inside the repository, and each real directory is
 * entered once, so a link loop ends.
 */
class Walker {
  private readonly entered = new Set<string>();

  constructor(
    private readonly inside: (real: string) => boolean,
    private readonly shown: (abs: string) => string,
    private readonly errors: ValidationError[],
  ) {}

  walk(dir: string): string[] {
    const real = realOrNull(dir);
    if (real === null || this.entered.has(real)) return [];
    this.entered.add(real);
    const out: string[] = [];
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      this.errors.push({ source: null, message: `${this.shown(dir)}: cannot read directory: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
      return out;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isSymbolicLink()) this.followLink(full, e.name, out);
      else if (e.isDirectory()) {
        if (enterable(e.name)) out.push(...this.walk(full));
      } else if (e.isFile() && hasManifestExtension(e.name)) out.push(full);
    }
    return out;
  }

  private followLink(full: string, name: string, out: string[]): void {
    const target = realOrNull(full);
    const stat = target === null ? null : statOrNull(target);
    if (target === null || stat === null) {
      if (hasManifestExtension(name)) this.errors.push({ source: null, message: `${this.shown(full)}: broken symbolic link` });
      return;
    }
    if (stat.isDirectory()) {
      if (!enterable(name)) return;
      if (!this.inside(target)) return void this.errors.push(outside(this.shown(full)));
      // A link to a directory being walked (or already walked) is a loop or a repeat: skip it.
      if (this.entered.has(target)) return;
      out.push(...this.walk(full));
    } else if (stat.isFile() && hasManifestExtension(name)) {
      if (!this.inside(target)) return void this.errors.push(outside(this.shown(full)));
      out.push(full);
    }
  }
}

function enterable(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

function hasManifestExtension(p: string): boolean {
  return MANIFEST_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

function relativeTo(abs: string, root: string): string {
  const rel = path.relative(path.resolve(root), abs);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
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
