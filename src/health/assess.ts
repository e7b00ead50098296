// Which rule judges an object, in order: deletion in progress (any kind), a user's health check
// (CEL or Lua), the kind's own rule, a custom resource family's rule, then generic conditions.
import { groupOf, type K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { evaluateHealthCheck, findHealthCheck, type HealthCheckRule } from './health-checks.js';
import { pendingDeletion } from './deletion.js';
import { familyRuleFor } from './crds/index.js';
import { deploymentHealth } from './deployment.js';
import { statefulSetHealth } from './statefulset.js';
import { daemonSetHealth } from './daemonset.js';
import { replicaSetHealth } from './replicaset.js';
import { podHealth } from './pod.js';
import { jobHealth } from './job.js';
import { pvcHealth } from './pvc.js';
import { serviceHealth } from './service.js';
import { ingressHealth } from './ingress.js';
import { crdHealth } from './crd.js';
import { apiServiceHealth } from './apiservice.js';
import { hpaHealth } from './hpa.js';
import { genericHealth } from './generic.js';

/** Kind rules by "group/Kind" (core group: "/Kind"). */
const KIND_RULES = new Map<string, HealthRule>([
  ['apps/Deployment', deploymentHealth],
  ['apps/StatefulSet', statefulSetHealth],
  ['apps/DaemonSet', daemonSetHealth],
  ['apps/ReplicaSet', replicaSetHealth],
  ['/Pod', podHealth],
  ['batch/Job', jobHealth],
  ['/PersistentVolumeClaim', pvcHealth],
  ['/Service', serviceHealth],
  ['networking.k8s.io/Ingress', ingressHealth],
  ['extensions/Ingress', ingressHealth],
  ['apiextensions.k8s.io/CustomResourceDefinition', crdHealth],
  ['apiregistration.k8s.io/APIService', apiServiceHealth],
  ['autoscaling/HorizontalPodAutoscaler', hpaHealth],
]);

/** The kind's own rule (not the generic one), if it has one. */
export function kindRuleFor(obj: K8sObject): HealthRule | undefined {
  return KIND_RULES.get(`${groupOf(obj.apiVersion)}/${obj.kind}`);
}

/** The health of a live object; null (it vanished after apply) is Missing. */
export function assessHealth(obj: K8sObject | null, customRules: readonly HealthCheckRule[] = []): HealthResult {
  if (obj === null) return { status: 'Missing', message: 'the object no longer exists' };
  const deleting = pendingDeletion(obj);
  if (deleting) return deleting;
  const custom = findHealthCheck(customRules, obj);
  if (custom) return evaluateHealthCheck(custom, obj);
  return kindRuleFor(obj)?.(obj) ?? familyRuleFor(obj)?.(obj) ?? genericHealth(obj);
}
