// Reading Leases in e2e tests, beside the shared cluster helpers.
import * as k8s from '@kubernetes/client-node';
import { kubeConfig } from '../setup/cluster.js';

export { coreApi, kubeconfigPath, withNamespace } from '../setup/cluster.js';

export async function coordinationApiLease(namespace: string, name: string): Promise<k8s.V1Lease | null> {
  try {
    return await kubeConfig().makeApiClient(k8s.CoordinationV1Api).readNamespacedLease({ name, namespace });
  } catch {
    return null;
  }
}
