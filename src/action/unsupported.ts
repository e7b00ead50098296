// Inputs this version accepts but cannot honour yet, judged the same way in every mode. A deploy
// check must not ignore them silently: ones that change what gets deployed are errors, ones that
// only change safety nets are warnings. An input left at its action.yml default never warns: the
// runner sets every input to its default, so a default is not a request.
import type { ActionInputs } from '../inputs.js';

export interface Unsupported {
  errors: string[];
  warnings: string[];
}

export function unsupportedInputs(inputs: ActionInputs, env: Record<string, string | undefined>): Unsupported {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (inputs.renderer === 'kustomize' || inputs.renderer === 'helm')
    errors.push(`input renderer: ${inputs.renderer} is not available yet in this version; use renderer: plain (or auto) with rendered YAML`);
  if (inputs.helmValues.length > 0) errors.push('input helm-values: Helm rendering is not available yet in this version');
  const here = env.GITHUB_REPOSITORY ?? '';
  if (inputs.repository && here && inputs.repository !== here)
    errors.push(`input repository: checking out another repository (${inputs.repository}) is not available yet; check it out with actions/checkout and point manifests at it`);
  return { errors, warnings };
}
