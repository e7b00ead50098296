// Inputs this version accepts but cannot honour yet, judged the same way in every mode. A deploy
// check must not ignore them silently: ones that change what gets deployed are errors, ones that
// only change safety nets are warnings. An input left at its action.yml default never warns: the
// runner sets every input to its default, so a default is not a request.
import type { ActionInputs } from '../inputs.js';
import { INPUT_DEFAULTS, inputValue } from '../inputs.js';
import { parseDuration } from '../model/duration.js';

export interface Unsupported {
  errors: string[];
  warnings: string[];
}

export function unsupportedInputs(inputs: ActionInputs, env: Record<string, string | undefined>): Unsupported {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (inputs.prune) warnings.push('input prune: pruning is not available yet in this version; objects removed from the manifests stay in the cluster');
  if (inputs.retries > 0) warnings.push('input retries: retrying a failed sync is not available yet; the sync runs once');
  const lockTimeout = inputValue(env, 'lock-timeout');
  if (lockTimeout && parseDuration(lockTimeout) !== parseDuration(INPUT_DEFAULTS['lock-timeout']))
    warnings.push('input lock-timeout: locking is not available yet; two concurrent syncs of one app are not serialised');
  return { errors, warnings };
}
