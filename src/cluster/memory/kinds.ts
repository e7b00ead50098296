// Built-in kinds the in-memory cluster serves, as discovery would describe them.
import type { ResourceInfo } from '../port.js';

const row = (apiVersion: string, kind: string, plural: string, namespaced: boolean): ResourceInfo => {
  const slash = apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind,
    plural,
    namespaced,
  };
};

export const BUILTIN_KINDS: ResourceInfo[] = [
  row('v1', 'Namespace', 'namespaces', false),
  row('v1', 'ConfigMap', 'configmaps', true),
  row('v1', 'Secret', 'secrets', true),
  row('v1', 'Service', 'services', true),
  row('v1', 'ServiceAccount', 'serviceaccounts', true),
  row('v1', 'Pod', 'pods', true),
  row('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true),
  row('v1', 'PersistentVolume', 'persistentvolumes', false),
  row('v1', 'Event', 'events', true),
  row('v1', 'ResourceQuota', 'resourcequotas', true),
  row('v1', 'LimitRange', 'limitranges', true),
  row('apps/v1', 'Deployment', 'deployments', true),
  row('apps/v1', 'StatefulSet', 'statefulsets', true),
  row('apps/v1', 'DaemonSet', 'daemonsets', true),
  row('apps/v1', 'ReplicaSet', 'replicasets', true),
  row('batch/v1', 'Job', 'jobs', true),
  row('batch/v1', 'CronJob', 'cronjobs', true),
  row('networking.k8s.io/v1', 'Ingress', 'ingresses', true),
  row('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', true),
  row('networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false),
  row('rbac.authorization.k8s.io/v1', 'Role', 'roles', true),
  row('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true),
  row('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false),
  row('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  row('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false),
  row('coordination.k8s.io/v1', 'Lease', 'leases', true),
  row('autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true),
  row('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true),
  row('storage.k8s.io/v1', 'StorageClass', 'storageclasses', false),
];
