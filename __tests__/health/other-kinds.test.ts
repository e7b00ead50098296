// PVC, Service, Ingress, CRD, APIService, HPA: one row per branch of the SEMANTICS health table.
import { describe, expect, test } from '@jest/globals';
import { pvcHealth } from '../../src/health/pvc.js';
import { serviceHealth } from '../../src/health/service.js';
import { ingressHealth } from '../../src/health/ingress.js';
import { crdHealth } from '../../src/health/crd.js';
import { apiServiceHealth } from '../../src/health/apiservice.js';
import { hpaHealth } from '../../src/health/hpa.js';
import type { HealthRule } from '../../src/health/types.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { cond, obj } from './fixtures.js';

type Row = [string, K8sObject, string, string];
function table(rule: HealthRule, rows: Row[]) {
  test.each(rows)('%s', (_name, object, status, message) => {
    const got = rule(object);
    expect(got?.status).toBe(status);
    expect(got?.message).toContain(message);
  });
}

const pvc = (phase: string) =>
  obj('v1', 'PersistentVolumeClaim', 'data', {
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      volumeName: 'pvc-3f9a',
    },
    status: { phase, ...(phase === 'Bound' ? { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } } : {}) },
  });

describe('PersistentVolumeClaim health', () => {
  table(pvcHealth, [
    ['bound', pvc('Bound'), 'Healthy', 'bound to volume pvc-3f9a'],
    ['pending', pvc('Pending'), 'Progressing', 'waiting for the claim to be bound'],
    ['lost', pvc('Lost'), 'Degraded', 'lost'],
  ]);
});

const service = (type: string, ingress?: unknown[]) =>
  obj('v1', 'Service', 'web', {
    spec: {
      type,
      clusterIP: '10.96.12.7',
      clusterIPs: ['10.96.12.7'],
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web' },
    },
    status: { loadBalancer: ingress ? { ingress } : {} },
  });

describe('Service health', () => {
  table(serviceHealth, [
    ['ClusterIP', service('ClusterIP'), 'Healthy', 'ClusterIP service'],
    ['NodePort', service('NodePort'), 'Healthy', 'NodePort service'],
    ['LoadBalancer waiting', service('LoadBalancer'), 'Progressing', 'waiting for the load balancer'],
    ['LoadBalancer with ip', service('LoadBalancer', [{ ip: '203.0.113.10', ipMode: 'VIP' }]), 'Healthy', '203.0.113.10'],
    ['LoadBalancer with hostname', service('LoadBalancer', [{ hostname: 'a1b2.elb.example.com' }]), 'Healthy', 'a1b2.elb.example.com'],
  ]);
});

const ingress = (ingressStatus?: unknown[]) =>
  obj('networking.k8s.io/v1', 'Ingress', 'web', {
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    },
    status: { loadBalancer: ingressStatus ? { ingress: ingressStatus } : {} },
  });

describe('Ingress health', () => {
  table(ingressHealth, [
    ['no address', ingress(), 'Progressing', 'waiting for the ingress controller'],
    ['address assigned', ingress([{ ip: '203.0.113.20' }]), 'Healthy', '203.0.113.20'],
  ]);
});

const crd = (conditions: unknown[]) =>
  obj(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    'widgets.example.com',
    {
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true }],
      },
      status: { conditions, acceptedNames: { kind: 'Widget', plural: 'widgets' }, storedVersions: ['v1'] },
    },
    { namespace: undefined },
  );

describe('CustomResourceDefinition health', () => {
  table(crdHealth, [
    [
      'established',
      crd([
        cond('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found'),
        cond('Established', 'True', 'InitialNamesAccepted', 'the initial names have been accepted'),
      ]),
      'Healthy',
      'established',
    ],
    [
      'names conflict',
      crd([
        cond('NamesAccepted', 'False', 'PluralConflict', '"widgets" is already in use'),
        cond('Established', 'False', 'NotAccepted', 'not all names are accepted'),
      ]),
      'Degraded',
      'PluralConflict: "widgets" is already in use',
    ],
    ['just created', crd([cond('NamesAccepted', 'True', 'NoConflicts', 'no conflicts found')]), 'Progressing', 'waiting for the definition to be established'],
  ]);
});

const apiService = (conditions: unknown[]) =>
  obj('apiregistration.k8s.io/v1', 'APIService', 'v1beta1.metrics.k8s.io', {
    spec: {
      group: 'metrics.k8s.io',
      version: 'v1beta1',
      service: { name: 'metrics-server', namespace: 'kube-system', port: 443 },
      groupPriorityMinimum: 100,
      versionPriority: 100,
    },
    status: { conditions },
  });

describe('APIService health', () => {
  table(apiServiceHealth, [
    ['available', apiService([cond('Available', 'True', 'Passed', 'all checks passed')]), 'Healthy', 'available'],
    [
      'unavailable',
      apiService([cond('Available', 'False', 'MissingEndpoints', 'endpoints for service/metrics-server in "kube-system" have no addresses')]),
      'Progressing',
      'MissingEndpoints: endpoints for service/metrics-server',
    ],
    ['no conditions yet', apiService([]), 'Progressing', 'waiting'],
  ]);
});

const hpa = (conditions: unknown[]) =>
  obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
    status: { currentReplicas: 2, desiredReplicas: 2, conditions },
  });
const ableToScale = cond('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');

describe('HorizontalPodAutoscaler health', () => {
  table(hpaHealth, [
    [
      'metrics unavailable',
      hpa([
        ableToScale,
        cond('ScalingActive', 'False', 'FailedGetResourceMetric', 'the HPA was unable to compute the replica count: failed to get cpu utilization'),
      ]),
      'Degraded',
      'FailedGetResourceMetric: the HPA was unable to compute',
    ],
    ['target missing', hpa([cond('AbleToScale', 'False', 'FailedGetScale', 'deployments/scale.apps "web" not found')]), 'Degraded', 'FailedGetScale'],
    [
      'invalid selector',
      hpa([ableToScale, cond('ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector")]),
      'Degraded',
      'InvalidSelector',
    ],
    [
      'able to scale',
      hpa([ableToScale, cond('ScalingActive', 'True', 'ValidMetricFound', 'the HPA was able to successfully calculate a replica count')]),
      'Healthy',
      'ReadyForNewScale',
    ],
    ['no conditions yet', hpa([]), 'Progressing', 'waiting for the autoscaler'],
  ]);

  test('autoscaling/v1 conditions are read from the annotation', () => {
    const v1 = obj(
      'autoscaling/v1',
      'HorizontalPodAutoscaler',
      'web',
      { spec: {}, status: { currentReplicas: 2, desiredReplicas: 2 } },
      {
        annotations: {
          'autoscaling.alpha.kubernetes.io/conditions': JSON.stringify([
            cond('AbleToScale', 'False', 'FailedUpdateScale', 'the HPA controller was unable to update the target scale'),
          ]),
        },
      },
    );
    expect(hpaHealth(v1)).toEqual({ status: 'Degraded', message: expect.stringContaining('FailedUpdateScale') });
  });
});
