// Kyverno policies: Ready condition (1.8+), or the older status.ready boolean.
import type { HealthRule } from '../types.js';
import { condition, field, result } from '../fields.js';
import { byReady } from './conditions.js';

const policy: HealthRule = (obj) => {
  if (!condition(obj, 'Ready') && typeof field(obj, 'status', 'ready') === 'boolean') {
    return field(obj, 'status', 'ready') === true ? result('Healthy', 'policy ready') : result('Progressing', 'policy not ready yet');
  }
  const verdict = byReady(obj, `waiting for the ${obj.kind} to become ready`);
  return verdict.status === 'Degraded' ? result('Degraded', `policy is not ready: ${verdict.message}`) : verdict;
};

export const kyvernoRules: Record<string, HealthRule> = {
  'kyverno.io/ClusterPolicy': policy,
  'kyverno.io/Policy': policy,
  'policies.kyverno.io/ValidatingPolicy': policy,
  'policies.kyverno.io/MutatingPolicy': policy,
  'policies.kyverno.io/GeneratingPolicy': policy,
  'policies.kyverno.io/ImageValidatingPolicy': policy,
};
