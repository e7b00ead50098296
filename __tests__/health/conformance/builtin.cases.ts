// Built-in kinds where Argo CD's verdicts were missing before issue 12, and the two deliberate differences.
import { containerStatus, pod } from '../fixtures.js';
import { c, cr, F, T, type Case } from './case.js';

const crashed = { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2024-05-01T10:00:03Z', finishedAt: '2024-05-01T10:01:03Z' } };

export const BUILTIN: Case[] = [
  {
    name: 'Running pod, not ready, a container restarted once → Degraded',
    object: pod('Running', {
      containers: [containerStatus({ ready: false, restartCount: 1, state: { running: { startedAt: '2024-05-01T10:01:04Z' } }, lastState: crashed })],
    }),
    status: 'Degraded',
    words: ['container app restarted', 'OOMKilled'],
  },
  {
    name: 'Running pod, not ready, never restarted → Progressing',
    object: pod('Running', { containers: [containerStatus({ ready: false, state: { running: { startedAt: '2024-05-01T10:00:03Z' } } })] }),
    status: 'Progressing',
    words: ['waiting for app to be ready'],
  },
  {
    name: 'restartPolicy Never, running and ready, ignore-restart-policy annotation → Healthy',
    object: pod('Running', {
      restartPolicy: 'Never',
      ready: true,
      containers: [containerStatus({ ready: true, state: { running: {} } })],
      metadata: { annotations: { 'argocd.argoproj.io/ignore-restart-policy': 'true' } },
    }),
    status: 'Healthy',
    words: ['running and ready'],
  },
  {
    name: 'restartPolicy Never, running and ready, no annotation → Progressing',
    object: pod('Running', { restartPolicy: 'Never', ready: true, containers: [containerStatus({ ready: true, state: { running: {} } })] }),
    status: 'Progressing',
    words: ['until its containers complete'],
  },
  {
    name: '[difference] Pending pod in ImagePullBackOff → Progressing (fail-fast-after decides)',
    object: pod('Pending', {
      containers: [
        containerStatus({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.com/shop/web:9.9"' } } }),
      ],
    }),
    status: 'Progressing',
    words: ['ImagePullBackOff', 'web:9.9'],
  },
  {
    name: '[difference] CrashLoopBackOff under restartPolicy OnFailure → Progressing (fail-fast-after decides)',
    object: pod('Running', {
      restartPolicy: 'OnFailure',
      containers: [
        containerStatus({
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
          lastState: crashed,
        }),
      ],
    }),
    status: 'Progressing',
    words: ['until its containers complete', 'CrashLoopBackOff'],
  },
  {
    name: 'CrashLoopBackOff under restartPolicy Always → Degraded at once',
    object: pod('Running', {
      containers: [containerStatus({ restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } }, lastState: crashed })],
    }),
    status: 'Degraded',
    words: ['CrashLoopBackOff'],
  },
  {
    name: 'CRD with a non-structural schema → Degraded with the message',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      conditions: [
        c('NamesAccepted', T, 'NoConflicts'),
        c('Established', T, 'InitialNamesAccepted'),
        c('NonStructuralSchema', T, 'Violations', 'spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root'),
      ],
    }),
    status: 'Degraded',
    words: ['non-structural schema', 'must not be empty at the root'],
  },
  {
    name: 'CRD established → Healthy',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      conditions: [c('NamesAccepted', T, 'NoConflicts'), c('Established', T, 'InitialNamesAccepted')],
    }),
    status: 'Healthy',
    words: ['established'],
  },
  {
    name: 'CRD whose names clash → Degraded',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      conditions: [
        c('NamesAccepted', F, 'ListKindConflict', '"WidgetList" is already in use'),
        c('Established', F, 'NotAccepted', 'not all names are accepted'),
      ],
    }),
    status: 'Degraded',
    words: ['names not accepted', 'already in use'],
  },
  {
    name: 'CRD Established=False for a reason other than installing → Degraded',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      conditions: [c('NamesAccepted', T, 'NoConflicts'), c('Established', F, 'InitialNamesAccepted', 'the initial names have been accepted')],
    }),
    status: 'Degraded',
    words: ['not established'],
  },
  {
    name: 'CRD still installing → Progressing',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', {
      conditions: [c('NamesAccepted', T, 'NoConflicts'), c('Established', F, 'Installing', 'the initial names have been accepted')],
    }),
    status: 'Progressing',
    words: ['Installing'],
  },
  {
    name: 'CRD without conditions yet → Progressing',
    object: cr('apiextensions.k8s.io/v1', 'CustomResourceDefinition', { acceptedNames: { kind: '' } }),
    status: 'Progressing',
    words: ['no conditions yet'],
  },
];
