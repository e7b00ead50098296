// The pipeline's source step: from paths to a plan (render or load the manifests, apply image
// overrides, build the plan, collect every problem). The health rules are health-rules.ts: `plan`
// must not load the health engines (CEL, Lua).
import { loadManifests } from '../manifests/load.js';
import { sortProblems } from '../model/problems.js';
import type { LoadResult, ValidationError } from '../manifests/types.js';
import { buildPlan } from '../plan/build-plan.js';
import type { Plan } from '../plan/types.js';
import { applyImageOverrides, parseImageOverrides } from './images.js';
import { renderManifests, type RenderOptions } from './render.js';

export interface PrepareOptions {
  manifests: string[];
  /** Repository root: sources are reported relative to it. */
  root: string;
  cwd?: string;
  app: string;
  namespace: string;
  revision: string | null;
}

export interface SourcePrepareOptions extends PrepareOptions {
  /** Renderer and its settings; absent: plain YAML only. */
  render?: RenderOptions;
  /** Image overrides, one per entry, and how their errors name them ("input images", "--image"). */
  images?: { lines: string[]; label: string };
}

/** Plain YAML only, synchronously (tests and tools that need no renderer). */
export function preparePlan(opts: PrepareOptions): { plan: Plan; errors: ValidationError[] } {
  const loaded = loadManifests(opts.manifests, { root: opts.root, cwd: opts.cwd ?? opts.root });
  return planFrom(loaded, opts);
}

/** Rendered (kustomize, Helm or plain) and with image overrides applied. */
export async function prepareSource(opts: SourcePrepareOptions): Promise<{ plan: Plan; errors: ValidationError[] }> {
  const cwd = opts.cwd ?? opts.root;
  const loaded = opts.render
    ? await renderManifests({ manifests: opts.manifests, root: opts.root, cwd, app: opts.app, namespace: opts.namespace }, opts.render)
    : loadManifests(opts.manifests, { root: opts.root, cwd });
  const images = parseImageOverrides(opts.images?.lines ?? [], opts.images?.label ?? 'images');
  const applied = applyImageOverrides(loaded.objects, images.overrides, opts.images?.label ?? 'images');
  const result = planFrom({ ...loaded, errors: [...loaded.errors, ...images.errors], warnings: [...loaded.warnings, ...applied.warnings] }, opts);
  if (images.overrides.length > 0) result.plan.images = applied.replaced;
  return result;
}

function planFrom(loaded: LoadResult, opts: PrepareOptions): { plan: Plan; errors: ValidationError[] } {
  const { plan, errors } = buildPlan(loaded.objects, { app: opts.app, namespace: opts.namespace, revision: opts.revision });
  plan.warnings = sortProblems([...loaded.warnings, ...plan.warnings]);
  return { plan, errors: sortProblems([...loaded.errors, ...errors]) };
}
