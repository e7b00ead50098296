// The health package's public face: what the engine calls.
export type { HealthResult, HealthRule, HealthStatus } from './types.js';
export { HEALTH_STATUSES } from './types.js';
export { assessHealth, kindRuleFor } from './assess.js';
export { genericHealth } from './generic.js';
export { parseHealthChecks, findHealthCheck, evaluateHealthCheck, type HealthCheckRule, type ParseOptions } from './health-checks.js';
export { evaluateCelRule, type CelHealthRule } from './cel-rules.js';
export { evaluateLuaRule, type LuaHealthRule } from './lua-rules.js';
export { loadHealthChecks, loadRuleEngines } from './load-health-checks.js';
export { familyRuleFor, familyKinds } from './crds/index.js';
export { hookCompletion, type HookCompletion, type HookState } from './completion.js';
export { findPodCause, formatPodCause, FAIL_FAST_REASONS, type PodCause, type PodEvent, type FirstSeen, type FailFastOptions } from './pod-cause.js';
