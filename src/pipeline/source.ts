// The run's source step: check the repository out when asked (released with the run's scope),
// then render, override images and plan. A checkout that fails is a problem, like a bad manifest.
import type { Problem } from '../model/problems.js';
import { buildPlan } from '../plan/build-plan.js';
import type { Plan } from '../plan/types.js';
import { checkout, CheckoutError } from '../source/checkout.js';
import { prepareSource } from '../source/prepare.js';
import { needsWholeTree, sparseDirs } from '../source/sparse.js';
import { usesHelm } from '../source/render.js';
import type { SourceOptions } from './options.js';
import type { ResourceScope } from './scope.js';

/** kubeVersion: asks the cluster for its version; called only when a Helm chart is rendered. */
export async function sourceStep(
  opts: SourceOptions,
  scope: ResourceScope,
  kubeVersion: () => Promise<string | null> = async () => null,
): Promise<{ plan: Plan; errors: Problem[] }> {
  let o = opts;
  if (opts.checkout) {
    try {
      const renderer = opts.render?.renderer ?? 'plain';
      const co = await checkout({ ...opts.checkout, sparse: opts.checkout.sparse ?? sparseDirs(opts.manifests, renderer) ?? undefined });
      scope.defer('the checkout', () => co.cleanup());
      // Only plain YAML stays sparse: kustomize and Helm may read files outside the listed paths.
      if (co.sparse && needsWholeTree(opts.manifests, co.dir, renderer)) await co.widen();
      o = { ...opts, root: co.dir, cwd: co.dir, revision: co.sha };
    } catch (err) {
      if (!(err instanceof CheckoutError)) throw err;
      const { plan } = buildPlan([], { app: opts.app, namespace: opts.namespace, revision: opts.revision });
      return { plan, errors: [{ source: null, message: err.message }] };
    }
  }
  const cwd = o.cwd ?? o.root;
  const render = o.render
    ? { ...o.render, kubeVersion: o.render.kubeVersion ?? (usesHelm({ manifests: o.manifests, cwd }, o.render.renderer) ? await kubeVersion() : null) }
    : undefined;
  return prepareSource({ ...o, render });
}
