// Where the health checks come from: a file (`--health-checks FILE`), or the action's
// `health-checks` input, which holds either the YAML itself or, on one line, the path of a file in
// the workspace (a health-checks list or an argocd-cm ConfigMap). `lua:` paths are read relative
// to the file that names them (or the workspace for inline YAML).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidationError } from '../manifests/types.js';
import { parseHealthChecks, type HealthCheckRule } from './health-checks.js';
import { loadCelEngine } from './cel-expr.js';
import { loadLuaEngine } from './lua/sandbox.js';

const read = (file: string) => readFileSync(file, 'utf8');

/** Loads the CEL and Lua engines (chunks of their own); parseHealthChecks needs them first. */
export async function loadRuleEngines(): Promise<void> {
  await Promise.all([loadCelEngine(), loadLuaEngine()]);
}

/** One line, no YAML structure: a path such as `.github/argocd-cm.yaml`. */
function looksLikePath(text: string): boolean {
  const t = text.trim();
  return t !== '' && !t.includes('\n') && !/[:{}[\]]|^- /.test(t);
}

export async function loadHealthChecks(source: {
  file?: string;
  text?: string;
  root?: string;
}): Promise<{ rules: HealthCheckRule[]; errors: ValidationError[] }> {
  const root = source.root ?? process.cwd();
  if (!source.file && !source.text) return { rules: [], errors: [] };
  // Any health checks may hold CEL or Lua rules; without them neither engine is ever loaded.
  await loadRuleEngines();
  let file = source.file;
  if (!file && source.text && looksLikePath(source.text)) file = path.resolve(root, source.text.trim());
  if (file) {
    let text: string;
    try {
      text = read(file);
    } catch {
      const shown = source.file ?? source.text!.trim();
      return { rules: [], errors: [{ source: null, message: `${shown}: health checks file not found or not readable` }] };
    }
    const shown = source.file ?? source.text!.trim();
    return parseHealthChecks(text, shown, { readFile: read, baseDir: path.dirname(file) });
  }
  if (source.text) return parseHealthChecks(source.text, 'input health-checks', { readFile: read, baseDir: root });
  return { rules: [], errors: [] };
}
