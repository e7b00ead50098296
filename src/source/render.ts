// The manifests entries → objects: plain YAML through the manifest loader, kustomize directories
// and Helm charts through their tools. Every object keeps a source in the user's files.
import path from 'node:path';
import { loadManifests } from '../manifests/load.js';
import type { LoadResult } from '../manifests/types.js';
import { renderHelm } from './helm.js';
import { renderKustomize } from './kustomize.js';
import { chooseRenderer, type RendererName } from './renderer-choice.js';
import type { Env } from './tools.js';

export interface RenderOptions {
  renderer: RendererName;
  /** Helm values files (relative to the working directory). */
  helmValues?: string[];
  /** Helm --set KEY=VALUE. */
  helmSet?: string[];
  /** The cluster's version (v1.32.4), for Helm's Capabilities.KubeVersion; null when no cluster. */
  kubeVersion?: string | null;
  /** Where tools are looked up (PATH) and their environment. */
  env: Env;
  tempDir?: string;
}

export interface RenderTarget {
  manifests: string[];
  root: string;
  cwd: string;
  app: string;
  namespace: string;
}

/** Whether any entry goes through Helm (only then is the cluster asked for its version). */
export function usesHelm(target: Pick<RenderTarget, 'manifests' | 'cwd'>, renderer: RendererName): boolean {
  return target.manifests.some((entry) => chooseRenderer(entry, path.resolve(target.cwd, entry), renderer).kind === 'helm');
}

export async function renderManifests(target: RenderTarget, opts: RenderOptions): Promise<LoadResult> {
  const out: LoadResult = { objects: [], errors: [], warnings: [] };
  const plain: string[] = [];
  for (const entry of target.manifests) {
    const choice = chooseRenderer(entry, path.resolve(target.cwd, entry), opts.renderer);
    let part: LoadResult | null = null;
    if (choice.kind === 'plain') plain.push(entry);
    else if (choice.kind === 'error') out.errors.push({ source: null, message: choice.message });
    else if (choice.kind === 'kustomize')
      part = await renderKustomize({ dir: choice.dir, file: choice.file, root: target.root, env: opts.env, tempDir: opts.tempDir });
    else
      part = await renderHelm({
        chartDir: choice.dir,
        root: target.root,
        cwd: target.cwd,
        release: target.app,
        namespace: target.namespace,
        valuesFiles: opts.helmValues ?? [],
        set: opts.helmSet ?? [],
        kubeVersion: opts.kubeVersion ?? null,
        env: opts.env,
      });
    if (part) merge(out, part);
  }
  if (plain.length > 0 || target.manifests.length === 0) merge(out, loadManifests(plain, { root: target.root, cwd: target.cwd }));
  return out;
}

function merge(into: LoadResult, part: LoadResult): void {
  into.objects.push(...part.objects);
  into.errors.push(...part.errors);
  into.warnings.push(...part.warnings);
}
