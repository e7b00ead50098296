// Scope of the built-in kinds (by API group and kind), so namespaces can be settled without a cluster.
const CLUSTER_SCOPED: Record<string, string[]> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
  ],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  'scheduling.k8s.io': ['PriorityClass'],
  'node.k8s.io': ['RuntimeClass'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  policy: ['PodSecurityPolicy'],
  'resource.k8s.io': ['DeviceClass'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
};

const NAMESPACED: Record<string, string[]> = {
  '': [
    'Pod',
    'Service',
    'ConfigMap',
    'Secret',
    'ServiceAccount',
    'PersistentVolumeClaim',
    'Endpoints',
    'LimitRange',
    'ResourceQuota',
    'ReplicationController',
    'PodTemplate',
    'Event',
    'Binding',
  ],
  apps: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
  batch: ['Job', 'CronJob'],
  autoscaling: ['HorizontalPodAutoscaler'],
  'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
  policy: ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
  'coordination.k8s.io': ['Lease'],
  'discovery.k8s.io': ['EndpointSlice'],
  'events.k8s.io': ['Event'],
  'storage.k8s.io': ['CSIStorageCapacity'],
  'resource.k8s.io': ['ResourceClaim', 'ResourceClaimTemplate'],
};

export type Scope = 'Cluster' | 'Namespaced';

/** The scope of a built-in kind, or null when only discovery (or a CRD) can tell. */
export function builtInScope(group: string, kind: string): Scope | null {
  if (CLUSTER_SCOPED[group]?.includes(kind)) return 'Cluster';
  if (NAMESPACED[group]?.includes(kind)) return 'Namespaced';
  return null;
}
