// What bench/health.mjs bundles (with ncc, as dist is built) and times.
export { assessHealth, parseHealthChecks, loadRuleEngines } from '../src/health/index.js';
