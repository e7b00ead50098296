// Where the health checks come from: a file (`--health-checks FILE`), or the action's
// `health-checks` input, which holds either the YAML itself or, on one line, the path of a file in
// the workspace (a health-checks list or an argocd-cm ConfigMap). `lua:` paths are read relative
// to the file that names them (or the workspace for inline YAML).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidationError } from '../manifests/types.js';
import { parseHealthChecks, type HealthCheckRule } from './health-checks.js';

const read = (file: string) => readFileSync(file, 'utf8');

/** One line, no YAML structure: a path such as `.github/argocd-cm.yaml`. */
function looksLikePath(text: string): boolean {
  const t = text.trim();
  return t !== '' && !t.includes('\n') && !/[:{}[\]]|^- /.test(t);
}

export function loadHealthChecks(source: { file?: string; text?: string; root?: string }): { rules: HealthCheckRule[]; errors: ValidationError[] } {
  const root = source.root ?? process.cwd();
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
