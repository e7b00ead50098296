// Builds manifest objects for planner tests without YAML.
import type { K8sObject, ManifestObject } from '../../src/manifests/types.js';

export interface Spec {
  kind: string;
  name?: string;
  generateName?: string;
  apiVersion?: string;
  namespace?: string;
  annotations?: Record<string, string>;
  spec?: Record<string, unknown>;
  file?: string;
  line?: number;
}

const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
  StorageClass: 'storage.k8s.io/v1',
  APIService: 'apiregistration.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
};

let line = 0;

export function obj(s: Spec): ManifestObject {
  const metadata: K8sObject['metadata'] = {};
  if (s.name !== undefined) metadata.name = s.name;
  if (s.generateName !== undefined) metadata.generateName = s.generateName;
  if (s.namespace !== undefined) metadata.namespace = s.namespace;
  if (s.annotations) metadata.annotations = s.annotations;
  const object: K8sObject = { apiVersion: s.apiVersion ?? API_VERSIONS[s.kind] ?? 'v1', kind: s.kind, metadata };
  if (s.spec) object.spec = s.spec;
  return { object, source: { file: s.file ?? 'k8s/app.yaml', line: s.line ?? ++line } };
}

export const hook = (phases: string, extra: Record<string, string> = {}) => ({ 'argocd.argoproj.io/hook': phases, ...extra });
export const wave = (w: number | string) => ({ 'argocd.argoproj.io/sync-wave': String(w) });
