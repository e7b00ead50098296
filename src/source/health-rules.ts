// The custom health rules of a sync (its own file so that `plan`, which needs none, does not load
// the CEL and Lua engines).
import { loadHealthChecks, type HealthCheckRule } from '../health/index.js';
import type { ValidationError } from '../manifests/types.js';

/** User health checks (CEL or Lua) from a file (CLI) or the action input (inline YAML or a workspace path). */
export function loadHealthRules(source: { file?: string; text?: string; root?: string }): Promise<{ rules: HealthCheckRule[]; errors: ValidationError[] }> {
  return loadHealthChecks(source);
}
