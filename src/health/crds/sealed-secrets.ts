// Bitnami Sealed Secrets: the controller reports Synced once it has decrypted the secret.
import type { HealthRule } from '../types.js';
import { byReady, staleGeneration } from './conditions.js';

export const sealedSecretsRules: Record<string, HealthRule> = {
  'bitnami.com/SealedSecret': (obj) => staleGeneration(obj) ?? byReady(obj, 'waiting for the sealed secret to be decrypted', { type: 'Synced' }),
};
