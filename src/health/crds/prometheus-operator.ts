// Prometheus Operator: Prometheus, Alertmanager, ThanosRuler, PrometheusAgent report Available
// (True, False, or Degraded while some pods are not ready) and Reconciled.
import type { HealthRule } from '../types.js';
import { condition, describeCondition, field, result } from '../fields.js';
import { staleGeneration } from './conditions.js';

const workload: HealthRule = (obj) => {
  if (field(obj, 'spec', 'paused') === true) return result('Suspended', `${obj.kind} reconciliation paused (spec.paused)`);
  const stale = staleGeneration(obj);
  if (stale) return stale;
  const reconciled = condition(obj, 'Reconciled');
  if (reconciled?.status === 'False') return result('Degraded', `not reconciled: ${describeCondition(reconciled)}`);
  const available = condition(obj, 'Available');
  if (!available) return result('Progressing', `waiting for the ${obj.kind} to report availability`);
  if (available.status === 'True') return result('Healthy', available.message || 'all instances available');
  if (available.status === 'False') return result('Degraded', describeCondition(available));
  return result('Progressing', describeCondition(available));
};

export const prometheusRules: Record<string, HealthRule> = Object.fromEntries(
  ['Prometheus', 'Alertmanager', 'ThanosRuler', 'PrometheusAgent'].map((kind) => [`monitoring.coreos.com/${kind}`, workload]),
);
