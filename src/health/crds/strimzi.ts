// Strimzi (every kind of kafka.strimzi.io and core.strimzi.io: Kafka, KafkaTopic, KafkaUser,
// KafkaConnect, KafkaNodePool, ...): Ready=True is done; NotReady=True is a failure with the
// operator's message, except while the operator says it is creating or updating.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult } from '../types.js';
import { condition, conditionsOf, describeCondition, result } from '../fields.js';
import type { GroupRule } from './index.js';
import { staleGeneration } from './conditions.js';

const STILL_WORKING = new Set(['Creating', 'Updating', 'RollingUpdate', 'Reconciling', 'Pending', 'InProgress']);

function strimzi(obj: K8sObject): HealthResult {
  const stale = staleGeneration(obj);
  if (stale) return stale;
  if (conditionsOf(obj).length === 0) return result('Progressing', `waiting for the ${obj.kind} to be reconciled`);
  const ready = condition(obj, 'Ready');
  if (ready?.status === 'True') return result('Healthy', ready.message || 'ready');
  const notReady = condition(obj, 'NotReady');
  const failing = notReady?.status === 'True' ? notReady : ready?.status === 'False' ? ready : undefined;
  if (failing) {
    if (failing.reason && STILL_WORKING.has(failing.reason)) return result('Progressing', describeCondition(failing));
    return result('Degraded', describeCondition(failing));
  }
  return result('Progressing', `waiting for the ${obj.kind} to be ready`);
}

export const strimziGroupRule: GroupRule = {
  matches: (group) => group === 'kafka.strimzi.io' || group === 'core.strimzi.io',
  rule: strimzi,
};
