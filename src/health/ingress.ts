// Ingress health: healthy once the ingress controller published an address.
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { isKind, result } from './fields.js';
import { loadBalancerAddresses } from './service.js';

export const ingressHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, 'networking.k8s.io', 'Ingress') && !isKind(obj, 'extensions', 'Ingress')) return null;
  const addresses = loadBalancerAddresses(obj);
  if (addresses.length === 0) return result('Progressing', 'waiting for the ingress controller to assign an address');
  return result('Healthy', `ingress at ${addresses.join(', ')}`);
};
