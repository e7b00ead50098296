import { describe, expect, test } from '@jest/globals';
import { genericHealth, isTerminalReason } from '../../src/health/generic.js';
import { cond, obj } from './fixtures.js';

const certificate = (status: Record<string, unknown>, generation = 1) =>
  obj(
    'cert-manager.io/v1',
    'Certificate',
    'shop-tls',
    { spec: { secretName: 'shop-tls', dnsNames: ['shop.example.com'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } }, status },
    { generation },
  );

describe('generic (kstatus-like) health', () => {
  test.each([
    ['ConfigMap: no status at all', obj('v1', 'ConfigMap', 'settings', { data: { LOG_LEVEL: 'info' } }), 'Healthy', 'created'],
    ['Role: no status at all', obj('rbac.authorization.k8s.io/v1', 'Role', 'reader', { rules: [] }), 'Healthy', 'created'],
    ['empty status', certificate({}), 'Healthy', 'created'],
    [
      'observedGeneration behind',
      certificate({ observedGeneration: 1, conditions: [cond('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired')] }, 2),
      'Progressing',
      'observe generation 2',
    ],
    [
      'Stalled=True',
      certificate({ conditions: [cond('Stalled', 'True', 'ArtifactFailed', 'chart not found'), cond('Ready', 'False', 'Progressing')] }),
      'Degraded',
      'Stalled: ArtifactFailed: chart not found',
    ],
    ['Failed=True', certificate({ conditions: [cond('Failed', 'True', 'Timeout', 'took too long')] }), 'Degraded', 'Failed: Timeout: took too long'],
    [
      'Ready=False, terminal reason',
      certificate({ conditions: [cond('Ready', 'False', 'InstallFailed', 'Helm install failed: timed out waiting')] }),
      'Degraded',
      'InstallFailed: Helm install failed',
    ],
    [
      'Ready=False, transient reason',
      certificate({ conditions: [cond('Ready', 'False', 'DoesNotExist', 'Issuing certificate as Secret does not exist')] }),
      'Progressing',
      'DoesNotExist',
    ],
    [
      'Reconciling=True',
      certificate({ conditions: [cond('Reconciling', 'True', 'Progressing', 'reconciliation in progress'), cond('Ready', 'Unknown', 'Progressing')] }),
      'Progressing',
      'reconciling: Progressing: reconciliation in progress',
    ],
    [
      'Ready=True',
      certificate({ conditions: [cond('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired')] }),
      'Healthy',
      'ready: Certificate is up to date',
    ],
    ['Available=True', certificate({ conditions: [cond('Available', 'True', 'MinimumReplicasAvailable')] }), 'Healthy', 'available'],
    [
      'Available=False',
      certificate({ conditions: [cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.')] }),
      'Progressing',
      'not available yet',
    ],
    ['unrelated conditions only', certificate({ conditions: [cond('Issuing', 'False', 'Done')] }), 'Healthy', 'no condition reports a problem'],
    ['status without conditions', certificate({ notAfter: '2025-01-01T00:00:00Z' }), 'Healthy', 'created'],
  ])('%s', (_name, object, status, message) => {
    const got = genericHealth(object);
    expect(got.status).toBe(status);
    expect(got.message).toContain(message);
  });

  test.each([
    ['InstallFailed', true],
    ['ReconciliationFailed', true],
    ['InternalError', true],
    ['InvalidSpec', true],
    ['Progressing', false],
    ['DependencyNotReady', false],
    [undefined, false],
  ])('terminal reason %s → %s', (reason, terminal) => {
    expect(isTerminalReason(reason)).toBe(terminal);
  });
});
