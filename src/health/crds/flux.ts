// Flux (every kind of *.toolkit.fluxcd.io: Kustomization, HelmRelease, GitRepository, HelmRepository,
// OCIRepository, Bucket, HelmChart, image automation, notification): the kstatus conventions Flux
// writes, with Ready=False read as a failure unless its reason says work is still under way, even
// while Reconciling=True (a HelmRelease retrying after a rolled-back upgrade is a failed deploy).
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult } from '../types.js';
import { condition, describeCondition, field, num, result } from '../fields.js';
import type { GroupRule } from './index.js';

const STILL_WORKING = new Set(['Progressing', 'DependencyNotReady', 'ReconciliationInProgress']);

function flux(obj: K8sObject): HealthResult {
  if (field(obj, 'spec', 'suspend') === true) return result('Suspended', 'reconciliation suspended (spec.suspend: true)');
  // An OCI HelmRepository is only a URL for HelmReleases to pull from: Flux never reconciles it.
  if (obj.kind === 'HelmRepository' && field(obj, 'spec', 'type') === 'oci') return result('Healthy', 'OCI Helm repositories report no status');
  const generation = num(obj, 'metadata', 'generation');
  const ready = condition(obj, 'Ready') as { observedGeneration?: unknown } | undefined;
  const observed = num(obj, 'status', 'observedGeneration') ?? (typeof ready?.observedGeneration === 'number' ? ready.observedGeneration : undefined);
  if (generation !== undefined && observed !== undefined && observed < generation) {
    return result('Progressing', `waiting for the controller to observe generation ${generation}`);
  }
  const stalled = condition(obj, 'Stalled');
  if (stalled?.status === 'True') return result('Degraded', `stalled: ${describeCondition(stalled)}`);
  const r = condition(obj, 'Ready');
  if (r?.status === 'False' && !(r.reason && STILL_WORKING.has(r.reason))) return result('Degraded', describeCondition(r));
  const reconciling = condition(obj, 'Reconciling');
  if (reconciling?.status === 'True') return result('Progressing', `reconciling: ${describeCondition(reconciling)}`);
  if (!r) return result('Progressing', 'waiting for the first reconciliation');
  if (r.status === 'True') return result('Healthy', describeCondition(r));
  return result('Progressing', describeCondition(r));
}

export const fluxGroupRule: GroupRule = {
  matches: (group) => group.endsWith('.toolkit.fluxcd.io'),
  rule: flux,
};
