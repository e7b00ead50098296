// Live objects shaped as the API server returns them, with the parts each test varies passed in.
import type { K8sObject } from '../../src/manifests/types.js';

type Json = Record<string, unknown>;

function meta(name: string, extra: Json = {}): K8sObject['metadata'] {
  return {
    name,
    namespace: 'shop',
    uid: '6f1c2b7e-9a51-4c55-8d0e-2f0d7b1e4a10',
    resourceVersion: '48213',
    generation: 2,
    creationTimestamp: '2024-05-01T10:00:00Z',
    labels: { app: name },
    ...extra,
  };
}

export function deployment(status: Json | undefined, spec: Json = {}, metadata: Json = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', metadata),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

export function statefulSet(status: Json | undefined, spec: Json = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('db'),
    spec: {
      replicas: 3,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      podManagementPolicy: 'OrderedReady',
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

export function daemonSet(status: Json | undefined, spec: Json = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta('node-agent'),
    spec: {
      selector: { matchLabels: { app: 'node-agent' } },
      template: { metadata: { labels: { app: 'node-agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:2' }] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

export function replicaSet(status: Json | undefined, spec: Json = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-7d9c8b6f5', { generation: 1, labels: { app: 'web', 'pod-template-hash': '7d9c8b6f5' } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d9c8b6f5' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

export function job(status: Json | undefined, name = 'migrate'): K8sObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(name, {
      generation: 1,
      labels: { 'batch.kubernetes.io/controller-uid': '0b7e3c1d-5f7a-4d1e-9c2b-8a6f4e3d2c1b' },
      uid: '0b7e3c1d-5f7a-4d1e-9c2b-8a6f4e3d2c1b',
      annotations: { 'argocd.argoproj.io/hook': 'PreSync' },
    }),
    spec: {
      backoffLimit: 2,
      completions: 1,
      parallelism: 1,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': '0b7e3c1d-5f7a-4d1e-9c2b-8a6f4e3d2c1b' } },
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'migrate:1' }] } },
    },
    ...(status ? { status } : {}),
  };
}

export interface ContainerStatusInput {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state: Json;
  lastState?: Json;
}

export function containerStatus(c: ContainerStatusInput): Json {
  return {
    name: c.name ?? 'app',
    image: 'registry.example.com/shop/web:1.4.2',
    imageID: '',
    ready: c.ready ?? false,
    restartCount: c.restartCount ?? 0,
    started: c.ready ?? false,
    state: c.state,
    lastState: c.lastState ?? {},
  };
}

export function pod(
  phase: string,
  opts: { name?: string; restartPolicy?: string; ready?: boolean; containers?: Json[]; initContainers?: Json[]; status?: Json; metadata?: Json } = {},
): K8sObject {
  const ready = opts.ready ?? false;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta(opts.name ?? 'web-7d9c8b6f5-x2x4q', { generation: undefined, labels: { app: 'web', 'pod-template-hash': '7d9c8b6f5' } }),
      ...opts.metadata,
    },
    spec: { restartPolicy: opts.restartPolicy ?? 'Always', containers: [{ name: 'app', image: 'registry.example.com/shop/web:1.4.2' }] },
    status: {
      phase,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: '2024-05-01T10:00:01Z' },
        { type: 'Initialized', status: 'True', lastTransitionTime: '2024-05-01T10:00:01Z' },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: '2024-05-01T10:00:02Z' },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2024-05-01T10:00:02Z' },
      ],
      hostIP: '10.0.0.5',
      podIP: '10.244.1.7',
      startTime: '2024-05-01T10:00:01Z',
      qosClass: 'BestEffort',
      ...(opts.containers ? { containerStatuses: opts.containers } : {}),
      ...(opts.initContainers ? { initContainerStatuses: opts.initContainers } : {}),
      ...opts.status,
    },
  };
}

export function cond(type: string, status: string, reason?: string, message?: string): Json {
  return {
    type,
    status,
    lastTransitionTime: '2024-05-01T10:00:05Z',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

export function obj(apiVersion: string, kind: string, name: string, rest: Json = {}, metadata: Json = {}): K8sObject {
  return { apiVersion, kind, metadata: meta(name, { generation: 1, ...metadata }), ...rest };
}
