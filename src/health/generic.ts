// Health of any kind without a rule of its own, from the conventions kstatus reads (the ones Flux
// and Helm 4 wait on), then from the phase words of controllers that set no conditions. Order:
//   1. metadata.generation not yet observed (status.observedGeneration, or a Ready/Stalled/
//      Reconciling condition's own observedGeneration)          → Progressing
//   2. spec.suspend: true                                         → Suspended
//   3. Stalled=True, Failed=True, *.Terminal=True, or Ready/Synced=False with a
//      terminal reason (see isTerminalReason)                     → Degraded
//   4. Reconciling=True                                           → Progressing
//   5. Ready=True / Available=True                                → Healthy; present but not True → Progressing
//   6. status.phase / .state / .status / .<x>Status (phase-words.ts) → that word's status
//   7. no status, or conditions that say nothing about readiness  → Healthy once it exists
import type { K8sObject } from '../manifests/types.js';
import type { HealthResult } from './types.js';
import { condition, conditionsOf, describeCondition, field, isRecord, num, result, str, type Condition } from './fields.js';
import { isFailureWord, phaseStatus } from './phase-words.js';

/**
 * Ready=False with one of these reasons will not fix itself without a change. Real controllers
 * spell failures as "...Failed" (Flux InstallFailed), "Failed..." (FailedCreate), "Err..."
 * (ErrProvisioning), "...Error" (Crossplane ReconcileError), "...Failure" or "Invalid..." (InvalidSpec).
 */
export function isTerminalReason(reason: string | undefined): boolean {
  if (!reason) return false;
  return /(Failed|Failure|Error|Errored|Terminal)$/.test(reason) || /^(Failed|Err|Invalid)/.test(reason);
}

/** Conditions whose True means failure: kstatus Stalled, Failed, and AWS ACK's ACK.Terminal. */
function failureCondition(obj: K8sObject): Condition | undefined {
  return conditionsOf(obj).find((c) => c.status === 'True' && (c.type === 'Stalled' || c.type === 'Failed' || /(^|\.)Terminal$/.test(c.type)));
}

const GENERATION_CONDITIONS = ['Ready', 'Stalled', 'Reconciling'];

/** The generation the controller last acted on is older than the spec (object- or condition-level). */
function staleGeneration(obj: K8sObject): string | null {
  const generation = num(obj, 'metadata', 'generation');
  if (generation === undefined) return null;
  const observed = num(obj, 'status', 'observedGeneration');
  if (observed !== undefined && observed < generation) return `waiting for the controller to observe generation ${generation}`;
  for (const type of GENERATION_CONDITIONS) {
    const c = condition(obj, type) as (Condition & { observedGeneration?: unknown }) | undefined;
    if (c && typeof c.observedGeneration === 'number' && c.observedGeneration < generation) {
      return `waiting for the controller to observe generation ${generation} (${type} is for ${c.observedGeneration})`;
    }
  }
  return null;
}

/** status.phase, .state or .status, else another status word field (Zalando's PostgresClusterStatus). */
function phaseWord(obj: K8sObject): { key: string; word: string } | undefined {
  for (const key of ['phase', 'state', 'status']) {
    const word = str(obj, 'status', key);
    if (word) return { key, word };
  }
  const status = field(obj, 'status') as Record<string, unknown>;
  const key = Object.keys(status).find((k) => /(Status|Phase|State)$/.test(k) && typeof status[k] === 'string');
  return key ? { key, word: status[key] as string } : undefined;
}

function withMessage(text: string, obj: K8sObject): string {
  const message = str(obj, 'status', 'message') ?? str(obj, 'status', 'reason');
  return message ? `${text}: ${message}` : text;
}

export function genericHealth(obj: K8sObject): HealthResult {
  const stale = staleGeneration(obj);
  if (stale) return result('Progressing', stale);
  if (field(obj, 'spec', 'suspend') === true) return result('Suspended', 'suspended (spec.suspend: true)');

  const status = field(obj, 'status');
  if (!isRecord(status) || Object.keys(status).length === 0) return result('Healthy', 'created');

  const failed = failureCondition(obj);
  if (failed) return result('Degraded', `${failed.type}: ${describeCondition(failed)}`);
  const ready = condition(obj, 'Ready');
  for (const c of [ready, condition(obj, 'Synced')]) {
    if (c?.status === 'False' && isTerminalReason(c.reason)) return result('Degraded', `not ${c.type.toLowerCase()}: ${describeCondition(c)}`);
  }
  const reconciling = condition(obj, 'Reconciling');
  if (reconciling?.status === 'True') return result('Progressing', `reconciling: ${describeCondition(reconciling)}`);

  if (ready?.status === 'True') return result('Healthy', `ready${ready.message ? `: ${ready.message}` : ''}`);
  const available = condition(obj, 'Available');
  if (!ready && available?.status === 'True') return result('Healthy', `available${available.message ? `: ${available.message}` : ''}`);
  if (ready) return result('Progressing', `not ready yet: ${describeCondition(ready)}`);
  if (available) return result('Progressing', `not available yet: ${describeCondition(available)}`);

  const phase = phaseWord(obj);
  if (phase) {
    const verdict = phaseStatus(phase.word) ?? (isFailureWord(phase.word) ? 'Degraded' : undefined);
    if (verdict === 'Healthy' && field(obj, 'status', 'ready') === false)
      return result('Progressing', withMessage(`${phase.key} ${phase.word} but not ready`, obj));
    if (verdict) return result(verdict, withMessage(`${phase.key} ${phase.word}`, obj));
  }
  if (field(obj, 'status', 'ready') === false) return result('Progressing', withMessage('not ready (status.ready: false)', obj));

  // Conditions that say nothing about readiness: like kstatus, treat the object as current.
  return result('Healthy', conditionsOf(obj).length > 0 ? 'no condition reports a problem' : 'created');
}
