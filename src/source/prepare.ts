// The pipeline's source step: from paths to a plan (load the manifests, build the plan, collect
// every problem). Checkout and rendering will join it here. The health rules are health-rules.ts:
// `plan` must not load the health engines (CEL, Lua).
import { loadManifests } from '../manifests/load.js';
import { sortProblems } from '../model/problems.js';
import type { ValidationError } from '../manifests/types.js';
import { buildPlan } from '../plan/build-plan.js';
import type { Plan } from '../plan/types.js';

export interface PrepareOptions {
  manifests: string[];
  /** Repository root: sources are reported relative to it. */
  root: string;
  cwd?: string;
  app: string;
  namespace: string;
  revision: string | null;
}

export function preparePlan(opts: PrepareOptions): { plan: Plan; errors: ValidationError[] } {
  const loaded = loadManifests(opts.manifests, { root: opts.root, cwd: opts.cwd ?? opts.root });
  const { plan, errors } = buildPlan(loaded.objects, { app: opts.app, namespace: opts.namespace, revision: opts.revision });
  plan.warnings = sortProblems([...loaded.warnings, ...plan.warnings]);
  return { plan, errors: sortProblems([...loaded.errors, ...errors]) };
}
