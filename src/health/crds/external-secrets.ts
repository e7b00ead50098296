// External Secrets Operator: ExternalSecret, ClusterExternalSecret, PushSecret, SecretStore and
// ClusterSecretStore all report a Ready condition; a secret that is not yet synced has none.
import type { HealthRule } from '../types.js';
import { byReady, staleGeneration } from './conditions.js';

const ready = (waiting: string): HealthRule => (obj) => staleGeneration(obj) ?? byReady(obj, waiting);

export const externalSecretsRules: Record<string, HealthRule> = {
  'external-secrets.io/ExternalSecret': ready('waiting for the secret to be synced'),
  'external-secrets.io/ClusterExternalSecret': ready('waiting for the secrets to be synced'),
  'external-secrets.io/PushSecret': ready('waiting for the secret to be pushed'),
  'external-secrets.io/SecretStore': ready('waiting for the store to be validated'),
  'external-secrets.io/ClusterSecretStore': ready('waiting for the store to be validated'),
};
