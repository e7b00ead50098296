// Rules for the custom resources teams deploy most, one file per family. A family lists its rules
// by "group/Kind"; a few families (Crossplane) also judge every kind of a group suffix.
import { groupOf, type K8sObject } from '../../manifests/types.js';
import type { HealthRule } from '../types.js';
import { argoRules } from './argo.js';
import { certManagerRules } from './cert-manager.js';
import { fluxGroupRule } from './flux.js';
import { crossplaneGroupRule } from './crossplane.js';
import { kedaRules } from './keda.js';
import { externalSecretsRules } from './external-secrets.js';
import { sealedSecretsRules } from './sealed-secrets.js';
import { strimziGroupRule } from './strimzi.js';
import { prometheusRules } from './prometheus-operator.js';
import { knativeGroupRule } from './knative.js';
import { istioGroupRule } from './istio.js';
import { kyvernoRules } from './kyverno.js';
import { veleroRules } from './velero.js';
import { clusterApiRules } from './cluster-api.js';

export interface GroupRule {
  /** True when the rule judges every kind of this API group. */
  matches(group: string, kind: string): boolean;
  rule: HealthRule;
}

const BY_KIND = new Map<string, HealthRule>(
  [argoRules, certManagerRules, kedaRules, externalSecretsRules, sealedSecretsRules, prometheusRules, kyvernoRules, veleroRules, clusterApiRules].flatMap(
    (family) => Object.entries(family),
  ),
);

const BY_GROUP: GroupRule[] = [fluxGroupRule, crossplaneGroupRule, strimziGroupRule, knativeGroupRule, istioGroupRule];

/** The family rule for a custom resource, if wavesync ships one. */
export function familyRuleFor(obj: K8sObject): HealthRule | undefined {
  const group = groupOf(obj.apiVersion);
  return BY_KIND.get(`${group}/${obj.kind}`) ?? BY_GROUP.find((g) => g.matches(group, obj.kind))?.rule;
}

/** Every "group/Kind" with a rule of its own (for the README and the tests). */
export function familyKinds(): string[] {
  return [...BY_KIND.keys()].sort();
}
