// The conformance suite: one live object per case, the status wavesync must give it and the words
// its message must contain. Cases are grouped by file: built-in kinds, deletion, the generic
// (kstatus) rule, the custom resource families, and Argo CD Lua scripts (lua.test.ts).
import { describe, expect, test } from '@jest/globals';
import { assessHealth } from '../../../src/health/assess.js';
import { familyKinds } from '../../../src/health/crds/index.js';
import type { Case } from './case.js';
import { BUILTIN } from './builtin.cases.js';
import { DELETION } from './deletion.cases.js';
import { KSTATUS } from './kstatus.cases.js';
import { ARGO, CERT_MANAGER, CLUSTER_API, CROSSPLANE, FLUX, OPERATORS } from './crds.cases.js';

const SUITES: [string, Case[]][] = [
  ['built-in kinds', BUILTIN],
  ['deletion', DELETION],
  ['generic (kstatus) rule', KSTATUS],
  ['Argo Rollouts and Workflows', ARGO],
  ['cert-manager', CERT_MANAGER],
  ['Flux', FLUX],
  ['Crossplane', CROSSPLANE],
  ['operators (KEDA, ESO, Sealed Secrets, Strimzi, Prometheus, Knative, Istio, Kyverno, Velero)', OPERATORS],
  ['Cluster API', CLUSTER_API],
];

for (const [suite, cases] of SUITES) {
  describe(`health conformance: ${suite}`, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = assessHealth(c.object);
      expect(got.status).toBe(c.status);
      for (const w of c.words) expect(got.message).toContain(w);
    });
  });
}

test('every family the issue names has a rule of its own', () => {
  const kinds = familyKinds();
  for (const k of [
    'argoproj.io/Rollout',
    'argoproj.io/Workflow',
    'cert-manager.io/Certificate',
    'cert-manager.io/ClusterIssuer',
    'keda.sh/ScaledJob',
    'external-secrets.io/SecretStore',
    'bitnami.com/SealedSecret',
    'monitoring.coreos.com/Alertmanager',
    'kyverno.io/ClusterPolicy',
    'velero.io/Backup',
    'cluster.x-k8s.io/MachineDeployment',
  ]) {
    expect(kinds).toContain(k);
  }
});
