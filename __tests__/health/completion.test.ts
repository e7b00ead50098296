import { beforeAll, describe, expect, test } from '@jest/globals';
import { hookCompletion, parseHealthChecks } from '../../src/health/index.js';
import { cond, containerStatus, job, obj, pod } from './fixtures.js';
import { loadRuleEngines } from '../../src/health/load-health-checks.js';

// The CEL and Lua engines are chunks of their own, loaded when health checks are configured.
beforeAll(() => loadRuleEngines());

const workflow = (phase: string | undefined, message?: string) =>
  obj('argoproj.io/v1alpha1', 'Workflow', 'smoke-test', {
    spec: { entrypoint: 'main' },
    ...(phase ? { status: { phase, startedAt: '2024-05-01T10:00:00Z', ...(message ? { message } : {}) } } : {}),
  });

describe('hookCompletion', () => {
  test.each([
    [
      'Job complete',
      job({ succeeded: 1, conditions: [cond('SuccessCriteriaMet', 'True', 'CompletionsReached'), cond('Complete', 'True', 'CompletionsReached')] }),
      'Succeeded',
      'Job completed',
    ],
    [
      'Job failed',
      job({
        failed: 3,
        conditions: [
          cond('FailureTarget', 'True', 'BackoffLimitExceeded'),
          cond('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
        ],
      }),
      'Failed',
      'BackoffLimitExceeded: Job has reached the specified backoff limit',
    ],
    [
      'Job with FailureTarget only is not final',
      job({ active: 1, failed: 3, conditions: [cond('FailureTarget', 'True', 'BackoffLimitExceeded')] }),
      'Running',
      'failing',
    ],
    [
      'Job with SuccessCriteriaMet only is not final',
      job({ succeeded: 1, conditions: [cond('SuccessCriteriaMet', 'True', 'CompletionsReached')] }),
      'Running',
      'Job running',
    ],
    ['Job suspended waits', job({ conditions: [cond('Suspended', 'True', 'JobSuspended')] }), 'Running', 'suspended'],
    ['Job running', job({ active: 1 }), 'Running', '1 active'],
    [
      'Pod succeeded',
      pod('Succeeded', { restartPolicy: 'Never', containers: [containerStatus({ state: { terminated: { exitCode: 0, reason: 'Completed' } } })] }),
      'Succeeded',
      'completed',
    ],
    [
      'Pod failed',
      pod('Failed', { restartPolicy: 'Never', containers: [containerStatus({ state: { terminated: { exitCode: 2, reason: 'Error' } } })] }),
      'Failed',
      'exit code 2',
    ],
    [
      'Pod crash looping is not final',
      pod('Running', { containers: [containerStatus({ restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } })] }),
      'Running',
      'CrashLoopBackOff',
    ],
    ['Pod pending', pod('Pending'), 'Running', 'pending'],
    ['Workflow succeeded', workflow('Succeeded'), 'Succeeded', 'workflow Succeeded'],
    ['Workflow failed', workflow('Failed', 'child "main" failed'), 'Failed', 'workflow Failed: child "main" failed'],
    ['Workflow error', workflow('Error', 'pod deleted'), 'Failed', 'workflow Error: pod deleted'],
    ['Workflow running', workflow('Running'), 'Running', 'workflow Running'],
    ['Workflow not started', workflow(undefined), 'Running', 'workflow Pending'],
    [
      'kind with a rule: healthy',
      obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'w', { status: { conditions: [cond('Established', 'True')] } }),
      'Succeeded',
      'established',
    ],
    ['kind with a rule: degraded', obj('v1', 'PersistentVolumeClaim', 'c', { status: { phase: 'Lost' } }), 'Failed', 'lost'],
    ['kind with a rule: progressing', obj('v1', 'PersistentVolumeClaim', 'c', { status: { phase: 'Pending' } }), 'Running', 'bound'],
    ['other kind: succeeded once created', obj('v1', 'ConfigMap', 'notify', { data: { text: 'done' } }), 'Succeeded', 'created'],
    [
      'other kind: conditions still honoured',
      obj('example.com/v1', 'Backup', 'b', { status: { conditions: [cond('Reconciling', 'True', 'Running')] } }),
      'Running',
      'reconciling',
    ],
  ])('%s', (_name, object, state, message) => {
    const got = hookCompletion(object);
    expect(got.state).toBe(state);
    expect(got.message).toContain(message);
  });

  test('a custom rule decides for its kind', () => {
    const rules = parseHealthChecks(
      `- {apiVersion: example.com/v1, kind: Backup, healthy: "self.status.done", degraded: "has(self.status.error)"}`,
      'checks.yaml',
    ).rules;
    const backup = (status: Record<string, unknown>) => obj('example.com/v1', 'Backup', 'b', { status });
    expect(hookCompletion(backup({ done: true }), rules).state).toBe('Succeeded');
    expect(hookCompletion(backup({ done: false, error: 'disk full' }), rules).state).toBe('Failed');
    expect(hookCompletion(backup({ done: false }), rules).state).toBe('Running');
  });
});
