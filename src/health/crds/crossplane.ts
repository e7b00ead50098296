// Crossplane and its provider families (every kind of *.crossplane.io and *.upbound.io: managed
// resources, composite resources, XRDs, compositions, providers, functions, provider configs).
// Composite resources and claims of a user's own group fall to the generic rule, which reads the
// same Synced/Ready conditions.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult } from '../types.js';
import { conditionsOf, describeCondition, field, result } from '../fields.js';
import type { GroupRule } from './index.js';

/** A condition that is False (or True for the negative ones) and never clears without a change. */
const FAILURE_TYPES = new Set(['Synced', 'Healthy', 'Installed', 'LastAsyncOperation']);
const NEGATIVE_TYPES = new Set(['Stalled', 'Failed']);
/** Conditions that are False or Unknown while the object is still being brought up. */
const WAITING_TYPES = new Set(['Ready', 'Established', 'Offered', 'Responsive', 'Active']);

/** Kinds that hold configuration only and never get conditions: Healthy once they exist. */
const CONFIG_ONLY = /(Config|ConfigUsage|Usage)$|^Composition(Revision)?$/;

function crossplane(obj: K8sObject): HealthResult {
  const conditions = conditionsOf(obj);
  if (conditions.length === 0 && !CONFIG_ONLY.test(obj.kind)) {
    return result('Progressing', `waiting for the ${obj.kind} to be reconciled (no conditions yet)`);
  }
  for (const c of conditions) {
    if ((FAILURE_TYPES.has(c.type) && c.status === 'False') || (NEGATIVE_TYPES.has(c.type) && c.status === 'True')) {
      return result('Degraded', `${c.type}: ${describeCondition(c)}`);
    }
  }
  for (const c of conditions) {
    if (WAITING_TYPES.has(c.type) && c.status !== 'True') return result('Progressing', `${c.type}: ${describeCondition(c)}`);
  }
  const users = field(obj, 'status', 'users');
  if (typeof users === 'number' && users > 0) return result('Healthy', `in use by ${users}`);
  return result('Healthy', conditions.length > 0 ? 'up to date' : 'created');
}

export const crossplaneGroupRule: GroupRule = {
  matches: (group) => group === 'crossplane.io' || group.endsWith('.crossplane.io') || group.endsWith('.upbound.io'),
  rule: crossplane,
};
