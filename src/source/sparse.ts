// Sparse checkout of the manifests paths (SEMANTICS of the source: see README.md here): which
// directories to check out before the files are there, and, once they are, whether rendering
// needs the whole tree after all.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chooseRenderer, type RendererName } from './renderer-choice.js';

const GLOB = /[*?[\]{}!]/;
const YAML_FILE = /\.(ya?ml|json)$/i;

/**
 * The cone directories for these manifests entries (relative to the repository root), or null
 * when the whole tree is needed: an explicit kustomize or Helm renderer (a kustomization may use
 * `../base`, a chart values files anywhere), or an entry at the root, absolute or going up.
 */
export function sparseDirs(manifests: string[], renderer: RendererName): string[] | null {
  if (manifests.length === 0 || renderer === 'kustomize' || renderer === 'helm') return null;
  const dirs = new Set<string>();
  for (const entry of manifests) {
    const parts = entry
      .replace(/\\/g, '/')
      .split('/')
      .filter((p) => p !== '' && p !== '.');
    if (entry.startsWith('/') || parts.includes('..')) return null;
    // A glob: the directories before its first pattern; a YAML file: its directory.
    const firstGlob = parts.findIndex((p) => GLOB.test(p));
    const kept = firstGlob >= 0 ? parts.slice(0, firstGlob) : YAML_FILE.test(parts.at(-1) ?? '') ? parts.slice(0, -1) : parts;
    if (kept.length === 0) return null;
    dirs.add(kept.join('/'));
  }
  return [...dirs].sort();
}

/**
 * After a sparse checkout: true when an entry is rendered by kustomize or Helm (they may read
 * files outside it), or a path that is not a glob is missing (it was not a directory or YAML file
 * as guessed): then the whole tree is checked out.
 */
export function needsWholeTree(manifests: string[], dir: string, renderer: RendererName): boolean {
  return manifests.some((entry) => {
    const abs = path.resolve(dir, entry);
    if (!GLOB.test(entry) && !existsSync(abs)) return true;
    return chooseRenderer(entry, abs, renderer).kind !== 'plain';
  });
}
