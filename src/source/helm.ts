// Helm charts → objects: `helm template` with the run's release name (the app), namespace, values
// files and --set values, CRDs included, and the cluster's version when one is reachable. Each
// object points at its template (section 1 of SEMANTICS maps Helm's hook annotations).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { relativeToRoot } from '../manifests/load.js';
import type { LoadResult } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import { HelmProvenance, sourceFileInChart } from './helm-provenance.js';
import { parseRendered, splitStream } from './rendered-stream.js';
import { findTool, runTool, stderrTail, type Env } from './tools.js';

export interface HelmOptions {
  chartDir: string;
  root: string;
  /** Where relative values files are found. */
  cwd: string;
  release: string;
  namespace: string;
  valuesFiles: string[];
  set: string[];
  kubeVersion: string | null;
  env: Env;
}

export const HELM_MISSING =
  'helm is not installed (not on PATH); install Helm 3.8 or later (https://helm.sh/docs/intro/install/), which GitHub-hosted runners already have';

export async function renderHelm(opts: HelmOptions): Promise<LoadResult> {
  const chartFile: Source = { file: relativeToRoot(path.join(opts.chartDir, 'Chart.yaml'), opts.root), line: 1 };
  const fail = (message: string): LoadResult => ({ objects: [], errors: [{ source: chartFile, message }], warnings: [] });
  const helm = findTool('helm', opts.env);
  if (!helm) return fail(HELM_MISSING);

  const args = ['template', opts.release, opts.chartDir, '--namespace', opts.namespace, '--include-crds'];
  for (const v of opts.valuesFiles) {
    const abs = path.resolve(opts.cwd, v);
    if (!existsSync(abs)) return fail(`helm values file ${v} not found (looked at ${relativeToRoot(abs, opts.root)})`);
    args.push('--values', abs);
  }
  for (const s of opts.set) args.push('--set', s);
  if (opts.kubeVersion) args.push('--kube-version', opts.kubeVersion);

  const out = await runTool(helm, args, { cwd: opts.chartDir, env: opts.env });
  if (out.code !== 0) {
    const stderr = stderrTail(out.stderr) || `exit code ${out.code}`;
    // Dependencies are not fetched here (no network in a render): the chart must carry them.
    const hint = /missing in charts\/ directory/.test(stderr)
      ? `\nrun \`helm dependency build ${relativeToRoot(opts.chartDir, opts.root)}\` in an earlier step (or commit charts/)`
      : '';
    return {
      objects: [],
      errors: [{ source: templateErrorSource(stderr, opts) ?? chartFile, message: `helm template failed:\n${stderr}${hint}` }],
      warnings: [],
    };
  }
  const provenance = new HelmProvenance(opts.chartDir, opts.root);
  return parseRendered(splitStream(out.stdout), chartFile.file, (doc, obj) => provenance.locate(doc.sourceComment, obj?.object.kind ?? null));
}

/** Helm names the template and line of a template error ("Error: demo/templates/x.yaml:12:3", "template: ...:12:"). */
function templateErrorSource(stderr: string, opts: HelmOptions): Source | null {
  const m = /(?:^Error: |template: |\()([^\s:()"]+\.(?:ya?ml|tpl|txt|json)):(\d+)/m.exec(stderr);
  if (!m) return null;
  const abs = sourceFileInChart(m[1], opts.chartDir);
  return existsSync(abs) ? { file: relativeToRoot(abs, opts.root), line: Number(m[2]) } : null;
}
