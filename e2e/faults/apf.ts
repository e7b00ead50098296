// Real 429s from kube-apiserver: API Priority and Fairness objects that put one ServiceAccount in
// a priority level with the smallest share and no queue, so its concurrent requests are rejected.
import { execFileSync } from 'node:child_process';
import * as k8s from '@kubernetes/client-node';
import { kubeconfigPath } from '../setup/cluster.js';
import { adminConfig, applyAll } from './identity.js';

export interface Throttle {
  name: string;
  /** Requests the API server rejected with 429 for this level so far. */
  rejected(): number;
  remove(): Promise<void>;
}

export async function throttleServiceAccount(namespace: string, serviceAccount: string): Promise<Throttle> {
  const name = `wavesync-e2e-${namespace}`.slice(0, 63);
  await applyAll(`
apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: PriorityLevelConfiguration
metadata: { name: ${name} }
spec:
  type: Limited
  limited:
    nominalConcurrencyShares: 1
    lendablePercent: 0
    borrowingLimitPercent: 0
    limitResponse: { type: Reject }
---
apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata: { name: ${name} }
spec:
  priorityLevelConfiguration: { name: ${name} }
  matchingPrecedence: 500
  distinguisherMethod: { type: ByUser }
  rules:
  - subjects: [{ kind: ServiceAccount, serviceAccount: { name: ${serviceAccount}, namespace: ${namespace} } }]
    resourceRules: [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"], clusterScope: true }]
    nonResourceRules: [{ verbs: ["*"], nonResourceURLs: ["*"] }]
`);
  return {
    name,
    rejected: () => rejectedRequests(name),
    async remove() {
      const api = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
      for (const kind of ['FlowSchema', 'PriorityLevelConfiguration']) {
        await api.delete({ apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind, metadata: { name } }).catch(() => undefined);
      }
    },
  };
}

/** apiserver_flowcontrol_rejected_requests_total for one priority level, from /metrics. */
export function rejectedRequests(level: string): number {
  const text = execFileSync('kubectl', ['--kubeconfig', kubeconfigPath(), 'get', '--raw', '/metrics'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('apiserver_flowcontrol_rejected_requests_total{') && line.includes(`priority_level="${level}"`)) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}
