// Service health: only a LoadBalancer has something to wait for (its external address).
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult, HealthRule } from './types.js';
import { field, isKind, isRecord, result, str } from './fields.js';

/** The addresses in status.loadBalancer.ingress ("1.2.3.4", "lb.example.com"). */
export function loadBalancerAddresses(obj: K8sObject): string[] {
  const ingress = field(obj, 'status', 'loadBalancer', 'ingress');
  if (!Array.isArray(ingress)) return [];
  return ingress.filter(isRecord).map((i) => (typeof i.ip === 'string' ? i.ip : typeof i.hostname === 'string' ? i.hostname : '(address)'));
}

export const serviceHealth: HealthRule = (obj: K8sObject): HealthResult | null => {
  if (!isKind(obj, '', 'Service')) return null;
  const type = str(obj, 'spec', 'type') ?? 'ClusterIP';
  if (type !== 'LoadBalancer') return result('Healthy', `${type} service`);
  const addresses = loadBalancerAddresses(obj);
  if (addresses.length === 0) return result('Progressing', 'waiting for the load balancer to be assigned an address');
  return result('Healthy', `load balancer at ${addresses.join(', ')}`);
};
