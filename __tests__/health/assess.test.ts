// assessHealth picks the rule: a user's CEL rule, then the kind's rule, then generic conditions.
import { describe, expect, test } from '@jest/globals';
import { assessHealth, kindRuleFor, parseHealthChecks } from '../../src/health/index.js';
import { cond, deployment, obj } from './fixtures.js';
import { loadRuleEngines } from '../../src/health/load-health-checks.js';

// The CEL and Lua engines are chunks of their own, loaded when health checks are configured.
// (at the top: the rules below are compiled while the tests are being declared)
await loadRuleEngines();

const custom = parseHealthChecks(
  `- apiVersion: apps/v1
  kind: Deployment
  healthy: "self.metadata.annotations['ready'] == 'yes'"
- apiVersion: example.com/v1
  kind: Widget
  healthy: "has(self.status) && self.status.phase == 'Ready'"
`,
  'checks.yaml',
).rules;

const rolledOut = deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, {}, { annotations: { ready: 'no' } });

describe('assessHealth', () => {
  test('the kind rule judges a kind it knows', () => {
    expect(assessHealth(rolledOut).status).toBe('Healthy');
    expect(assessHealth(deployment({ observedGeneration: 2, replicas: 3, updatedReplicas: 1, availableReplicas: 1 })).status).toBe('Progressing');
  });

  test('a custom rule wins over the kind rule', () => {
    expect(assessHealth(rolledOut, custom)).toEqual({ status: 'Progressing', message: expect.stringContaining('checks.yaml:1') });
  });

  test('generic conditions judge other kinds', () => {
    const kustomization = obj('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'apps', {
      status: { conditions: [cond('Ready', 'False', 'ReconciliationFailed', 'kustomize build failed')] },
    });
    expect(assessHealth(kustomization)).toEqual({ status: 'Degraded', message: expect.stringContaining('ReconciliationFailed') });
    expect(assessHealth(obj('v1', 'ConfigMap', 'settings', { data: {} })).status).toBe('Healthy');
  });

  test('a custom rule for an unknown kind is used', () => {
    expect(assessHealth(obj('example.com/v1', 'Widget', 'w', { status: { phase: 'Ready' } }), custom).status).toBe('Healthy');
    expect(assessHealth(obj('example.com/v1', 'Widget', 'w', { status: { phase: 'Creating' } }), custom).status).toBe('Progressing');
  });

  test('the kind is matched by group, not by name alone', () => {
    // A CRD-defined "Deployment" in another group is not judged by the apps/v1 rule.
    const foreign = obj('example.com/v1', 'Deployment', 'd', { status: { conditions: [cond('Ready', 'True', 'Done')] } });
    expect(assessHealth(foreign)).toEqual({ status: 'Healthy', message: expect.stringContaining('ready') });
    expect(kindRuleFor(foreign)).toBeUndefined();
    expect(kindRuleFor(rolledOut)).toBeDefined();
  });
});

test('a vanished object is Missing', () => {
  expect(assessHealth(null)).toEqual({ status: 'Missing', message: 'the object no longer exists' });
});
