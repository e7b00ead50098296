// Cluster API: Cluster, Machine, MachineDeployment and MachineSet (v1beta1 and v1beta2 status).
// Paused → Suspended; a failure reason, a Failed phase or an Error-severity Ready=False → Degraded;
// roll-outs and scaling (v1beta2 conditions) → Progressing; then the phase.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult, HealthRule } from '../types.js';
import { condition, describeCondition, field, result, str, type Condition } from '../fields.js';
import { staleGeneration } from './conditions.js';

const MOVING = ['RollingOut', 'ScalingUp', 'ScalingDown', 'Remediating'];

function failure(obj: K8sObject): HealthResult | null {
  const reason = str(obj, 'status', 'failureReason');
  const message = str(obj, 'status', 'failureMessage');
  if (reason || message) return result('Degraded', [reason, message].filter(Boolean).join(': '));
  const ready = condition(obj, 'Ready') as (Condition & { severity?: string }) | undefined;
  if (ready?.status === 'False' && ready.severity === 'Error') return result('Degraded', describeCondition(ready));
  if (str(obj, 'status', 'phase') === 'Failed') return result('Degraded', `${obj.kind} failed`);
  return null;
}

function moving(obj: K8sObject): HealthResult | null {
  for (const type of MOVING) {
    const c = condition(obj, type);
    if (c?.status === 'True') return result('Progressing', c.message?.trim() || `${obj.kind} ${type}`);
  }
  const topology = condition(obj, 'TopologyReconciled');
  if (topology?.status === 'False') return result('Progressing', topology.message?.trim() || describeCondition(topology));
  return null;
}

const common =
  (done: (obj: K8sObject) => HealthResult): HealthRule =>
  (obj) => {
    if (field(obj, 'spec', 'paused') === true) return result('Suspended', `${obj.kind} is paused`);
    return failure(obj) ?? staleGeneration(obj) ?? moving(obj) ?? done(obj);
  };

const cluster = common((obj) => {
  const phase = str(obj, 'status', 'phase');
  if (phase === 'Provisioned') {
    const ready = condition(obj, 'Ready') ?? condition(obj, 'Available');
    if (ready && ready.status !== 'True') return result('Progressing', describeCondition(ready));
    return result('Healthy', 'cluster provisioned and running');
  }
  return result('Progressing', phase ? `waiting for the cluster: phase ${phase}` : 'waiting for the cluster');
});

const machine = common((obj) => {
  const phase = str(obj, 'status', 'phase');
  if (phase === 'Running') return result('Healthy', 'machine running');
  const ready = condition(obj, 'Ready');
  return result('Progressing', ready?.message || `waiting for the machine${phase ? `: phase ${phase}` : ''}`);
});

const machineSet = common((obj) => {
  const phase = str(obj, 'status', 'phase');
  if (phase === 'ScalingUp') return result('Progressing', 'spawning machines');
  if (phase === 'ScalingDown') return result('Progressing', 'stopping machines');
  if (phase === 'Running' || (phase === undefined && field(obj, 'status') !== undefined && condition(obj, 'Available')?.status === 'True'))
    return result('Healthy', 'machines running');
  return result('Progressing', phase ? `waiting for the machines: phase ${phase}` : 'waiting for the machines');
});

export const clusterApiRules: Record<string, HealthRule> = {
  'cluster.x-k8s.io/Cluster': cluster,
  'cluster.x-k8s.io/Machine': machine,
  'cluster.x-k8s.io/MachineDeployment': machineSet,
  'cluster.x-k8s.io/MachineSet': machineSet,
};
