// External Secrets Operator: ExternalSecret, ClusterExternalSecret, PushSecret, SecretStore and
// ClusterSecretStore all report a Ready condition; a secret that is not yet synced has none.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult, HealthRule } from '../types.js';
import { condition, result, str } from '../fields.js';
import { byReady, staleGeneration } from './conditions.js';

/** refreshPolicy OnChange: a refresh newer than the last Ready transition has not produced a sync yet. */
function refreshPending(obj: K8sObject): HealthResult | null {
  if (str(obj, 'spec', 'refreshPolicy') !== 'OnChange') return null;
  const refreshed = Date.parse(str(obj, 'status', 'refreshTime') ?? '');
  const readySince = Date.parse(condition(obj, 'Ready')?.lastTransitionTime ?? '');
  if (Number.isNaN(refreshed) || Number.isNaN(readySince) || refreshed <= readySince) return null;
  return result('Progressing', 'waiting for the secret to be synced after a refresh');
}

const ready =
  (waiting: string): HealthRule =>
  (obj) =>
    staleGeneration(obj) ?? refreshPending(obj) ?? byReady(obj, waiting);

export const externalSecretsRules: Record<string, HealthRule> = {
  'external-secrets.io/ExternalSecret': ready('waiting for the secret to be synced'),
  'external-secrets.io/ClusterExternalSecret': ready('waiting for the secrets to be synced'),
  'external-secrets.io/PushSecret': ready('waiting for the secret to be pushed'),
  'external-secrets.io/SecretStore': ready('waiting for the store to be validated'),
  'external-secrets.io/ClusterSecretStore': ready('waiting for the store to be validated'),
};
