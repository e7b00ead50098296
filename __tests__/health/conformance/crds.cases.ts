// The custom resource families wavesync ships rules for (src/health/crds/), one or more cases each.
import { c, cr, F, T, U, type Case } from './case.js';

const R = 'argoproj.io/v1alpha1';
const canary = { replicas: 4, strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }] } } };
const blueGreen = { replicas: 2, strategy: { blueGreen: { activeService: 'shop-active', previewService: 'shop-preview' } } };

export const ARGO: Case[] = [
  {
    name: 'Rollout canary done',
    object: cr(R, 'Rollout', { replicas: 4, updatedReplicas: 4, availableReplicas: 4, currentPodHash: 'abc', stableRS: 'abc' }, canary),
    status: 'Healthy',
    words: ['stable set runs the current pod spec'],
  },
  {
    name: 'Rollout canary mid-way',
    object: cr(R, 'Rollout', { replicas: 4, updatedReplicas: 4, availableReplicas: 4, currentPodHash: 'new', stableRS: 'old' }, canary),
    status: 'Progressing',
    words: ['canary in progress'],
  },
  {
    name: 'Rollout updating replicas',
    object: cr(R, 'Rollout', { replicas: 4, updatedReplicas: 1, availableReplicas: 4, currentPodHash: 'new', stableRS: 'old' }, canary),
    status: 'Progressing',
    words: ['1 of 4 replicas updated'],
  },
  {
    name: 'Rollout paused at a step',
    object: cr(
      R,
      'Rollout',
      {
        replicas: 4,
        updatedReplicas: 1,
        pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:05:00Z' }],
        currentPodHash: 'new',
        stableRS: 'old',
      },
      canary,
    ),
    status: 'Suspended',
    words: ['paused', 'CanaryPauseStep'],
  },
  {
    name: 'Rollout spec.paused',
    object: cr(R, 'Rollout', { replicas: 4, updatedReplicas: 4 }, { ...canary, paused: true }),
    status: 'Suspended',
    words: ['spec.paused'],
  },
  {
    name: 'Rollout aborted',
    object: cr(R, 'Rollout', { abort: true, message: 'metric "error-rate" assessed Failed', replicas: 4, updatedReplicas: 1 }, canary),
    status: 'Degraded',
    words: ['aborted', 'error-rate'],
  },
  {
    name: 'Rollout invalid spec',
    object: cr(
      R,
      'Rollout',
      { conditions: [c('InvalidSpec', T, 'InvalidSpec', 'The Rollout "shop" is invalid: spec.strategy.canary.steps[0]: setWeight must be between 0 and 100')] },
      canary,
    ),
    status: 'Degraded',
    words: ['setWeight must be between'],
  },
  {
    name: 'Rollout progress deadline exceeded',
    object: cr(R, 'Rollout', { conditions: [c('Progressing', F, 'ProgressDeadlineExceeded', 'ReplicaSet "shop-5f" has timed out progressing.')] }, canary),
    status: 'Degraded',
    words: ['timed out progressing'],
  },
  {
    name: 'Rollout blue-green serving the current spec',
    object: cr(R, 'Rollout', { replicas: 2, updatedReplicas: 2, availableReplicas: 2, currentPodHash: 'c1', blueGreen: { activeSelector: 'c1' } }, blueGreen),
    status: 'Healthy',
    words: ['active service'],
  },
  {
    name: 'Rollout blue-green not yet switched',
    object: cr(R, 'Rollout', { replicas: 2, updatedReplicas: 2, availableReplicas: 2, currentPodHash: 'c2', blueGreen: { activeSelector: 'c1' } }, blueGreen),
    status: 'Progressing',
    words: ['does not yet serve'],
  },
  { name: 'Rollout with no status yet', object: cr(R, 'Rollout', undefined, canary), status: 'Progressing', words: ['rollout in progress'] },
  { name: 'Workflow running', object: cr(R, 'Workflow', { phase: 'Running' }), status: 'Progressing', words: ['phase Running'] },
  { name: 'Workflow succeeded', object: cr(R, 'Workflow', { phase: 'Succeeded' }), status: 'Healthy', words: ['Succeeded'] },
  { name: 'Workflow failed', object: cr(R, 'Workflow', { phase: 'Failed', message: 'child "load-data" failed' }), status: 'Degraded', words: ['load-data'] },
  { name: 'Workflow error', object: cr(R, 'Workflow', { phase: 'Error', message: 'pod deleted' }), status: 'Degraded', words: ['pod deleted'] },
  { name: 'Workflow not started', object: cr(R, 'Workflow'), status: 'Progressing', words: ['no phase yet'] },
  { name: 'AnalysisRun inconclusive', object: cr(R, 'AnalysisRun', { phase: 'Inconclusive' }), status: 'Unknown', words: ['Inconclusive'] },
];

const CM = 'cert-manager.io/v1';
export const CERT_MANAGER: Case[] = [
  {
    name: 'Certificate issued',
    object: cr(CM, 'Certificate', { conditions: [c('Ready', T, 'Ready', 'Certificate is up to date and has not expired')] }),
    status: 'Healthy',
    words: ['up to date'],
  },
  {
    name: 'Certificate issuing',
    object: cr(CM, 'Certificate', {
      conditions: [
        c('Ready', F, 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
        c('Issuing', T, 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
      ],
    }),
    status: 'Progressing',
    words: ['issuing'],
  },
  {
    name: 'Certificate Ready=False "Issuing" before the Issuing condition',
    object: cr(CM, 'Certificate', {
      conditions: [c('Ready', F, 'Issuing', 'Issuing certificate as Secret was previously issued by "Issuer.cert-manager.io/old"')],
    }),
    status: 'Progressing',
    words: ['issuing'],
  },
  {
    name: 'Certificate failed',
    object: cr(CM, 'Certificate', {
      conditions: [
        c('Ready', F, 'SecretMismatch', 'Existing issued Secret is not up to date for spec: [spec.dnsNames]'),
        c('Issuing', F, 'Failed', 'rate limited'),
      ],
    }),
    status: 'Degraded',
    words: ['SecretMismatch'],
  },
  { name: 'Certificate without status', object: cr(CM, 'Certificate'), status: 'Progressing', words: ['waiting for the certificate'] },
  {
    name: 'ClusterIssuer registered',
    object: cr(CM, 'ClusterIssuer', { conditions: [c('Ready', T, 'ACMEAccountRegistered', 'The ACME account was registered with the ACME server')] }),
    status: 'Healthy',
    words: ['registered'],
  },
  {
    name: 'Issuer failing',
    object: cr(CM, 'Issuer', { conditions: [c('Ready', F, 'ErrInitIssuer', 'secret "vault-token" not found')] }),
    status: 'Degraded',
    words: ['vault-token'],
  },
  { name: 'Issuer without status', object: cr(CM, 'Issuer'), status: 'Progressing', words: ['initializing'] },
  {
    name: 'CertificateRequest pending',
    object: cr(CM, 'CertificateRequest', { conditions: [c('Approved', T, 'cert-manager.io'), c('Ready', F, 'Pending', 'Waiting on certificate issuance')] }),
    status: 'Progressing',
    words: ['Pending'],
  },
  {
    name: 'CertificateRequest denied',
    object: cr(CM, 'CertificateRequest', { conditions: [c('Denied', T, 'policy.cert-manager.io', 'denied by approver-policy')] }),
    status: 'Degraded',
    words: ['denied'],
  },
  {
    name: 'CertificateRequest issued',
    object: cr(CM, 'CertificateRequest', {
      conditions: [c('Approved', T, 'cert-manager.io'), c('Ready', T, 'Issued', 'Certificate fetched from issuer successfully')],
    }),
    status: 'Healthy',
    words: ['fetched'],
  },
  {
    name: 'ACME Order errored',
    object: cr('acme.cert-manager.io/v1', 'Order', { state: 'errored', reason: 'Failed to finalize Order' }),
    status: 'Degraded',
    words: ['errored'],
  },
];

export const FLUX: Case[] = [
  {
    name: 'Kustomization ready',
    object: cr('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      observedGeneration: 1,
      conditions: [c('Ready', T, 'ReconciliationSucceeded', 'Applied revision: main@sha1:0a1b2c')],
    }),
    status: 'Healthy',
    words: ['Applied revision'],
  },
  {
    name: 'Kustomization reconciling',
    object: cr('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      observedGeneration: 1,
      conditions: [c('Reconciling', T, 'Progressing', 'Reconciliation in progress'), c('Ready', U, 'Progressing')],
    }),
    status: 'Progressing',
    words: ['reconciling'],
  },
  {
    name: 'Kustomization build failed',
    object: cr('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      observedGeneration: 1,
      conditions: [c('Ready', F, 'BuildFailed', 'kustomize build failed: missing resource ./overlays/prod')],
    }),
    status: 'Degraded',
    words: ['BuildFailed'],
  },
  {
    name: 'Kustomization waiting on a dependency',
    object: cr('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
      observedGeneration: 1,
      conditions: [c('Ready', F, 'DependencyNotReady', "dependency 'flux-system/infra' is not ready")],
    }),
    status: 'Progressing',
    words: ['DependencyNotReady'],
  },
  {
    name: 'Kustomization suspended',
    object: cr(
      'kustomize.toolkit.fluxcd.io/v1',
      'Kustomization',
      { observedGeneration: 1, conditions: [c('Ready', T, 'ReconciliationSucceeded')] },
      { suspend: true },
    ),
    status: 'Suspended',
    words: ['suspended'],
  },
  {
    name: 'HelmRelease upgrade failed and rolled back, retrying',
    object: cr('helm.toolkit.fluxcd.io/v2', 'HelmRelease', {
      conditions: [
        c('Reconciling', T, 'ProgressingWithRetry', 'retrying'),
        c('Ready', F, 'RollbackSucceeded', 'Helm rollback to previous release shop/api.v7 succeeded'),
        c('Released', F, 'UpgradeFailed', 'timed out waiting for the condition'),
      ],
    }),
    status: 'Degraded',
    words: ['RollbackSucceeded'],
  },
  {
    name: 'HelmRelease installed',
    object: cr('helm.toolkit.fluxcd.io/v2', 'HelmRelease', {
      conditions: [c('Ready', T, 'InstallSucceeded', 'Helm install succeeded for release shop/api.v1')],
    }),
    status: 'Healthy',
    words: ['InstallSucceeded'],
  },
  {
    name: 'GitRepository fetch failed',
    object: cr('source.toolkit.fluxcd.io/v1', 'GitRepository', {
      conditions: [c('Stalled', T, 'GitOperationFailed', 'authentication required'), c('Ready', F, 'GitOperationFailed')],
    }),
    status: 'Degraded',
    words: ['authentication required'],
  },
  {
    name: 'HelmRepository of type oci (never has status)',
    object: cr('source.toolkit.fluxcd.io/v1', 'HelmRepository', {}, { type: 'oci', url: 'oci://registry.example.com/charts' }),
    status: 'Healthy',
    words: ['OCI'],
  },
  {
    name: 'OCIRepository generation not observed',
    object: cr('source.toolkit.fluxcd.io/v1beta2', 'OCIRepository', { observedGeneration: 1, conditions: [c('Ready', T, 'Succeeded')] }, {}, { generation: 2 }),
    status: 'Progressing',
    words: ['generation 2'],
  },
  {
    name: 'Flux object without conditions yet',
    object: cr('source.toolkit.fluxcd.io/v1', 'GitRepository', { conditions: [] }),
    status: 'Progressing',
    words: ['first reconciliation'],
  },
];

export const CROSSPLANE: Case[] = [
  {
    name: 'managed resource ready and synced',
    object: cr('rds.aws.upbound.io/v1beta1', 'Instance', { conditions: [c('Ready', T, 'Available'), c('Synced', T, 'ReconcileSuccess')] }),
    status: 'Healthy',
    words: ['up to date'],
  },
  {
    name: 'managed resource creating',
    object: cr('rds.aws.upbound.io/v1beta1', 'Instance', { conditions: [c('Ready', F, 'Creating'), c('Synced', T, 'ReconcileSuccess')] }),
    status: 'Progressing',
    words: ['Creating'],
  },
  {
    name: 'managed resource cannot sync',
    object: cr('rds.aws.upbound.io/v1beta1', 'Instance', {
      conditions: [c('Ready', T, 'Available'), c('Synced', F, 'ReconcileError', 'cannot update: InvalidParameterCombination')],
    }),
    status: 'Degraded',
    words: ['InvalidParameterCombination'],
  },
  { name: 'managed resource without status', object: cr('storage.gcp.upbound.io/v1beta1', 'Bucket'), status: 'Progressing', words: ['no conditions yet'] },
  {
    name: 'Provider unhealthy',
    object: cr('pkg.crossplane.io/v1', 'Provider', {
      conditions: [c('Installed', T, 'ActivePackageRevision'), c('Healthy', F, 'UnhealthyPackageRevision', 'Deployment does not have minimum availability.')],
    }),
    status: 'Degraded',
    words: ['minimum availability'],
  },
  { name: 'Composition (no status ever)', object: cr('apiextensions.crossplane.io/v1', 'Composition'), status: 'Healthy', words: ['created'] },
  {
    name: 'XRD offered',
    object: cr('apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', {
      conditions: [c('Established', T, 'WatchingCompositeResource'), c('Offered', T, 'OfferedClaim')],
    }),
    status: 'Healthy',
    words: ['up to date'],
  },
  { name: 'ProviderConfig in use', object: cr('aws.upbound.io/v1beta1', 'ProviderConfig', { users: 3 }), status: 'Healthy', words: ['in use by 3'] },
];

export const OPERATORS: Case[] = [
  {
    name: 'KEDA ScaledObject ready',
    object: cr('keda.sh/v1alpha1', 'ScaledObject', {
      conditions: [
        c('Ready', T, 'ScaledObjectReady', 'ScaledObject is defined correctly and is ready for scaling'),
        c('Active', F, 'ScalerNotActive'),
        c('Fallback', F, 'NoFallbackFound'),
      ],
    }),
    status: 'Healthy',
    words: ['ready for scaling'],
  },
  {
    name: 'KEDA ScaledObject in fallback',
    object: cr('keda.sh/v1alpha1', 'ScaledObject', {
      conditions: [c('Ready', T, 'ScaledObjectReady'), c('Fallback', T, 'FallbackExists', 'At least one trigger is falling back')],
    }),
    status: 'Degraded',
    words: ['falling back'],
  },
  {
    name: 'KEDA ScaledObject paused by annotation',
    object: cr(
      'keda.sh/v1alpha1',
      'ScaledObject',
      { conditions: [c('Ready', T, 'ScaledObjectReady')] },
      {},
      { annotations: { 'autoscaling.keda.sh/paused-replicas': '0' } },
    ),
    status: 'Suspended',
    words: ['paused'],
  },
  {
    name: 'KEDA ScaledJob with a trigger that cannot work',
    object: cr('keda.sh/v1alpha1', 'ScaledJob', {
      conditions: [c('Ready', U, 'PartialTriggerError', 'Some triggers defined in ScaledJob are not working correctly'), c('Active', T, 'ScalerActive')],
    }),
    status: 'Degraded',
    words: ['PartialTriggerError'],
  },
  {
    name: 'KEDA ScaledJob misconfigured',
    object: cr('keda.sh/v1alpha1', 'ScaledJob', {
      conditions: [c('Ready', F, 'ScaledJobCheckFailed', "ScaledJob doesn't have correct triggers specification")],
    }),
    status: 'Degraded',
    words: ['triggers'],
  },
  {
    name: 'ExternalSecret synced',
    object: cr('external-secrets.io/v1', 'ExternalSecret', { conditions: [c('Ready', T, 'SecretSynced', 'secret synced')] }),
    status: 'Healthy',
    words: ['synced'],
  },
  {
    name: 'ExternalSecret failing',
    object: cr('external-secrets.io/v1', 'ExternalSecret', { conditions: [c('Ready', F, 'SecretSyncedError', 'could not get secret data from provider')] }),
    status: 'Degraded',
    words: ['provider'],
  },
  { name: 'ExternalSecret not yet synced', object: cr('external-secrets.io/v1', 'ExternalSecret'), status: 'Progressing', words: ['waiting'] },
  {
    name: 'SecretStore invalid',
    object: cr('external-secrets.io/v1', 'SecretStore', { conditions: [c('Ready', F, 'InvalidProviderConfig', 'unable to validate store')] }),
    status: 'Degraded',
    words: ['validate store'],
  },
  {
    name: 'SealedSecret decrypted',
    object: cr('bitnami.com/v1alpha1', 'SealedSecret', { observedGeneration: 1, conditions: [c('Synced', T)] }),
    status: 'Healthy',
    words: ['synced'],
  },
  {
    name: 'SealedSecret cannot decrypt',
    object: cr('bitnami.com/v1alpha1', 'SealedSecret', {
      observedGeneration: 1,
      conditions: [c('Synced', F, undefined, 'no key could decrypt secret (password)')],
    }),
    status: 'Degraded',
    words: ['no key could decrypt'],
  },
  { name: 'SealedSecret not yet seen', object: cr('bitnami.com/v1alpha1', 'SealedSecret'), status: 'Progressing', words: ['decrypted'] },
  {
    name: 'Strimzi Kafka ready',
    object: cr('kafka.strimzi.io/v1beta2', 'Kafka', { observedGeneration: 1, conditions: [c('Ready', T)] }),
    status: 'Healthy',
    words: ['ready'],
  },
  {
    name: 'Strimzi KafkaTopic invalid',
    object: cr('kafka.strimzi.io/v1beta2', 'KafkaTopic', {
      observedGeneration: 1,
      conditions: [c('NotReady', T, 'InvalidConfigurationException', 'Invalid value x for configuration cleanup.policy')],
    }),
    status: 'Degraded',
    words: ['cleanup.policy'],
  },
  { name: 'Strimzi KafkaUser not yet reconciled', object: cr('kafka.strimzi.io/v1beta2', 'KafkaUser'), status: 'Progressing', words: ['waiting'] },
  {
    name: 'Strimzi Kafka creating',
    object: cr('kafka.strimzi.io/v1beta2', 'Kafka', { observedGeneration: 1, conditions: [c('NotReady', T, 'Creating', 'Kafka cluster is being deployed')] }),
    status: 'Progressing',
    words: ['being deployed'],
  },
  {
    name: 'Prometheus available',
    object: cr('monitoring.coreos.com/v1', 'Prometheus', { conditions: [c('Available', T), c('Reconciled', T)] }),
    status: 'Healthy',
    words: ['available'],
  },
  {
    name: 'Prometheus some pods not ready',
    object: cr('monitoring.coreos.com/v1', 'Prometheus', { conditions: [c('Available', 'Degraded', 'SomePodsNotReady'), c('Reconciled', T)] }),
    status: 'Progressing',
    words: ['SomePodsNotReady'],
  },
  {
    name: 'Alertmanager no pod ready',
    object: cr('monitoring.coreos.com/v1', 'Alertmanager', { conditions: [c('Available', F, 'NoPodReady', '0/3 nodes are available'), c('Reconciled', T)] }),
    status: 'Degraded',
    words: ['nodes are available'],
  },
  {
    name: 'Knative Service ready',
    object: cr('serving.knative.dev/v1', 'Service', { observedGeneration: 1, conditions: [c('ConfigurationsReady', T), c('Ready', T), c('RoutesReady', T)] }),
    status: 'Healthy',
    words: ['ready'],
  },
  {
    name: 'Knative Service revision failed',
    object: cr('serving.knative.dev/v1', 'Service', {
      observedGeneration: 1,
      conditions: [c('Ready', F, 'RevisionMissing', 'Configuration "hello" does not have any ready Revision.')],
    }),
    status: 'Degraded',
    words: ['ready Revision'],
  },
  {
    name: 'Knative Service rolling out',
    object: cr('serving.knative.dev/v1', 'Service', {
      observedGeneration: 1,
      conditions: [c('Ready', U, 'RolloutInProgress', 'A gradual rollout is in progress.')],
    }),
    status: 'Progressing',
    words: ['gradual rollout'],
  },
  { name: 'IstioOperator healthy', object: cr('install.istio.io/v1alpha1', 'IstioOperator', { status: 'HEALTHY' }), status: 'Healthy', words: ['HEALTHY'] },
  {
    name: 'IstioOperator error',
    object: cr('install.istio.io/v1alpha1', 'IstioOperator', { status: 'ERROR', message: 'failed to apply manifests' }),
    status: 'Degraded',
    words: ['failed to apply'],
  },
  {
    name: 'VirtualService with an analysis error',
    object: cr('networking.istio.io/v1', 'VirtualService', { validationMessages: [{ level: 'ERROR', type: { code: 'IST0101' } }] }),
    status: 'Degraded',
    words: ['IST0101'],
  },
  { name: 'VirtualService without status', object: cr('networking.istio.io/v1', 'VirtualService'), status: 'Healthy', words: ['created'] },
  {
    name: 'Kyverno ClusterPolicy ready',
    object: cr('kyverno.io/v1', 'ClusterPolicy', { conditions: [c('Ready', T, 'Succeeded', 'Ready')] }),
    status: 'Healthy',
    words: ['Ready'],
  },
  {
    name: 'Kyverno Policy failed to load',
    object: cr('kyverno.io/v1', 'Policy', { conditions: [c('Ready', F, 'Failed', 'some rules failed to load')] }),
    status: 'Degraded',
    words: ['policy is not ready', 'failed to load'],
  },
  { name: 'Kyverno ClusterPolicy not yet reconciled', object: cr('kyverno.io/v1', 'ClusterPolicy'), status: 'Progressing', words: ['become ready'] },
  { name: 'Velero Backup completed', object: cr('velero.io/v1', 'Backup', { phase: 'Completed' }), status: 'Healthy', words: ['Completed'] },
  {
    name: 'Velero Backup partially failed',
    object: cr('velero.io/v1', 'Backup', { phase: 'PartiallyFailed', failureReason: '2 volume snapshots failed' }),
    status: 'Degraded',
    words: ['PartiallyFailed', 'volume snapshots'],
  },
  { name: 'Velero Restore in progress', object: cr('velero.io/v1', 'Restore', { phase: 'InProgress' }), status: 'Progressing', words: ['InProgress'] },
  {
    name: 'Velero Schedule invalid',
    object: cr('velero.io/v1', 'Schedule', { phase: 'FailedValidation', validationErrors: ['invalid schedule: expected exactly 5 fields'] }),
    status: 'Degraded',
    words: ['expected exactly 5 fields'],
  },
  {
    name: 'Velero BackupStorageLocation unavailable',
    object: cr('velero.io/v1', 'BackupStorageLocation', { phase: 'Unavailable', message: 'bucket not found' }),
    status: 'Degraded',
    words: ['bucket not found'],
  },
];

const CAPI = 'cluster.x-k8s.io/v1beta1';
export const CLUSTER_API: Case[] = [
  {
    name: 'Cluster provisioned',
    object: cr(CAPI, 'Cluster', { phase: 'Provisioned', conditions: [c('Ready', T)] }),
    status: 'Healthy',
    words: ['provisioned'],
  },
  { name: 'Cluster provisioning', object: cr(CAPI, 'Cluster', { phase: 'Provisioning' }), status: 'Progressing', words: ['Provisioning'] },
  { name: 'Cluster paused', object: cr(CAPI, 'Cluster', { phase: 'Provisioned' }, { paused: true }), status: 'Suspended', words: ['paused'] },
  {
    name: 'Cluster Ready=False severity Error',
    object: cr(CAPI, 'Cluster', {
      phase: 'Provisioned',
      conditions: [{ ...c('Ready', F, 'InfrastructureUnreachable', 'cannot reach the cloud API'), severity: 'Error' }],
    }),
    status: 'Degraded',
    words: ['cannot reach the cloud API'],
  },
  {
    name: 'Cluster rolling out (v1beta2)',
    object: cr('cluster.x-k8s.io/v1beta2', 'Cluster', {
      phase: 'Provisioned',
      conditions: [c('Available', T), c('RollingOut', T, 'RollingOut', 'Rolling out 2 not up-to-date replicas')],
    }),
    status: 'Progressing',
    words: ['Rolling out 2'],
  },
  { name: 'Machine running', object: cr(CAPI, 'Machine', { phase: 'Running' }), status: 'Healthy', words: ['running'] },
  {
    name: 'Machine failed',
    object: cr(CAPI, 'Machine', { phase: 'Failed', failureReason: 'CreateError', failureMessage: 'quota exceeded' }),
    status: 'Degraded',
    words: ['quota exceeded'],
  },
  {
    name: 'Machine booting',
    object: cr(CAPI, 'Machine', { phase: 'Provisioning', conditions: [{ ...c('Ready', F, 'Cloning', '1 of 2 completed'), severity: 'Info' }] }),
    status: 'Progressing',
    words: ['1 of 2 completed'],
  },
  { name: 'MachineDeployment scaling up', object: cr(CAPI, 'MachineDeployment', { phase: 'ScalingUp' }), status: 'Progressing', words: ['spawning'] },
  { name: 'MachineDeployment running', object: cr(CAPI, 'MachineDeployment', { phase: 'Running' }), status: 'Healthy', words: ['running'] },
  { name: 'MachineDeployment paused', object: cr(CAPI, 'MachineDeployment', { phase: 'Running' }, { paused: true }), status: 'Suspended', words: ['paused'] },
];
