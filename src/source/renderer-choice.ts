// Which renderer a manifests entry goes through: `auto` looks at the directory (a kustomization
// file → kustomize, Chart.yaml → Helm, else plain YAML); an explicit renderer insists on its file.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const RENDERER_NAMES = ['auto', 'plain', 'kustomize', 'helm'] as const;
export type RendererName = (typeof RENDERER_NAMES)[number];

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export type Choice =
  { kind: 'plain' } | { kind: 'kustomize'; dir: string; file: string } | { kind: 'helm'; dir: string; file: string } | { kind: 'error'; message: string };

/** The renderer for one entry of `manifests` (abs: the entry resolved against the working directory). */
export function chooseRenderer(entry: string, abs: string, renderer: RendererName): Choice {
  if (renderer === 'plain') return { kind: 'plain' };
  const isDir = existsSync(abs) && statSync(abs).isDirectory();
  const kustomization = isDir ? KUSTOMIZATION_FILES.find((f) => existsSync(path.join(abs, f))) : undefined;
  const chart = isDir && existsSync(path.join(abs, 'Chart.yaml')) ? 'Chart.yaml' : undefined;
  if (renderer === 'kustomize') {
    if (kustomization) return { kind: 'kustomize', dir: abs, file: path.join(abs, kustomization) };
    return { kind: 'error', message: `renderer kustomize: ${entry} is not a directory with a kustomization.yaml, kustomization.yml or Kustomization file` };
  }
  if (renderer === 'helm') {
    if (chart) return { kind: 'helm', dir: abs, file: path.join(abs, chart) };
    return { kind: 'error', message: `renderer helm: ${entry} is not a chart directory (no Chart.yaml in it)` };
  }
  if (kustomization) return { kind: 'kustomize', dir: abs, file: path.join(abs, kustomization) };
  if (chart) return { kind: 'helm', dir: abs, file: path.join(abs, chart) };
  return { kind: 'plain' };
}
