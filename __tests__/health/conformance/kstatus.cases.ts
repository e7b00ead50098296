// The generic rule on kinds wavesync has no rule for (example.com stands for any operator's group).
import { c, cr, F, T, U, type Case } from './case.js';

const V = 'db.example.com/v1';
const withCondGen = (type: string, status: string, reason: string, observedGeneration: number) => ({ ...c(type, status, reason), observedGeneration });

export const KSTATUS: Case[] = [
  {
    name: 'status.observedGeneration behind metadata.generation',
    object: cr(V, 'Database', { observedGeneration: 2, conditions: [c('Ready', T, 'Ready')] }, {}, { generation: 3 }),
    status: 'Progressing',
    words: ['observe generation 3'],
  },
  {
    name: "Ready condition's own observedGeneration behind",
    object: cr(V, 'Database', { conditions: [withCondGen('Ready', T, 'Succeeded', 4)] }, {}, { generation: 5 }),
    status: 'Progressing',
    words: ['generation 5', 'Ready is for 4'],
  },
  {
    name: 'condition observedGeneration current',
    object: cr(V, 'Database', { conditions: [withCondGen('Ready', T, 'Succeeded', 5)] }, {}, { generation: 5 }),
    status: 'Healthy',
    words: ['ready'],
  },
  {
    name: 'Stalled=True',
    object: cr(V, 'Database', { conditions: [c('Stalled', T, 'QuotaExceeded', 'storage quota of 50Gi reached'), c('Ready', F, 'QuotaExceeded')] }),
    status: 'Degraded',
    words: ['Stalled', 'storage quota'],
  },
  {
    name: 'Reconciling=True',
    object: cr(V, 'Database', { conditions: [c('Reconciling', T, 'Resizing', 'growing volume'), c('Ready', U, 'Resizing')] }),
    status: 'Progressing',
    words: ['reconciling', 'growing volume'],
  },
  {
    name: 'spec.suspend: true',
    object: cr(V, 'Database', { conditions: [c('Ready', T, 'Ready')] }, { suspend: true }),
    status: 'Suspended',
    words: ['suspend'],
  },
  {
    name: 'Ready=False ...Failed',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'BackupFailed', 'bucket unreachable')] }),
    status: 'Degraded',
    words: ['BackupFailed'],
  },
  {
    name: 'Ready=False Failed...',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'FailedCreate', 'pods "db-0" is forbidden')] }),
    status: 'Degraded',
    words: ['FailedCreate'],
  },
  {
    name: 'Ready=False Err...',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'ErrProvisioning', 'no capacity')] }),
    status: 'Degraded',
    words: ['ErrProvisioning'],
  },
  {
    name: 'Ready=False ...Error',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'ReconcileError', 'cannot connect')] }),
    status: 'Degraded',
    words: ['ReconcileError'],
  },
  {
    name: 'Ready=False Invalid...',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'InvalidVersion', 'version 99 unknown')] }),
    status: 'Degraded',
    words: ['InvalidVersion'],
  },
  {
    name: 'Ready=False, transient reason',
    object: cr(V, 'Database', { conditions: [c('Ready', F, 'WaitingForVolume', 'volume not bound yet')] }),
    status: 'Progressing',
    words: ['WaitingForVolume'],
  },
  {
    name: 'Synced=False ReconcileError (Crossplane claim of a user group)',
    object: cr('platform.example.org/v1alpha1', 'PostgresClaim', {
      conditions: [c('Synced', F, 'ReconcileError', 'cannot compose resources'), c('Ready', F, 'Creating')],
    }),
    status: 'Degraded',
    words: ['cannot compose resources'],
  },
  {
    name: 'Crossplane claim creating',
    object: cr('platform.example.org/v1alpha1', 'PostgresClaim', { conditions: [c('Synced', T, 'ReconcileSuccess'), c('Ready', F, 'Creating')] }),
    status: 'Progressing',
    words: ['Creating'],
  },
  {
    name: 'ACK-style Terminal condition',
    object: cr('s3.services.k8s.aws/v1alpha1', 'Bucket', {
      conditions: [c('ACK.Terminal', T, 'AlreadyExists', 'bucket name taken'), c('Ready', F, 'ACK.Terminal')],
    }),
    status: 'Degraded',
    words: ['bucket name taken'],
  },
  {
    name: 'phase Failed',
    object: cr(V, 'Migration', { phase: 'Failed', message: 'column "sku" already exists' }),
    status: 'Degraded',
    words: ['phase Failed', 'column "sku"'],
  },
  { name: 'phase Error', object: cr(V, 'Migration', { phase: 'Error' }), status: 'Degraded', words: ['phase Error'] },
  { name: 'state Degraded', object: cr(V, 'Cache', { state: 'Degraded' }), status: 'Degraded', words: ['state Degraded'] },
  { name: 'phase Pending', object: cr(V, 'Migration', { phase: 'Pending' }), status: 'Progressing', words: ['phase Pending'] },
  { name: 'phase Provisioning', object: cr(V, 'Cache', { phase: 'Provisioning' }), status: 'Progressing', words: ['phase Provisioning'] },
  { name: 'phase Creating', object: cr(V, 'Cache', { phase: 'Creating' }), status: 'Progressing', words: ['Creating'] },
  { name: 'phase Running but status.ready false', object: cr(V, 'Cache', { phase: 'Running', ready: false }), status: 'Progressing', words: ['but not ready'] },
  { name: 'phase Succeeded', object: cr(V, 'Migration', { phase: 'Succeeded' }), status: 'Healthy', words: ['Succeeded'] },
  { name: 'phase Bound', object: cr(V, 'Claim', { phase: 'Bound' }), status: 'Healthy', words: ['Bound'] },
  { name: 'state Active', object: cr(V, 'Tenant', { state: 'Active' }), status: 'Healthy', words: ['Active'] },
  { name: 'status Established', object: cr(V, 'Peering', { status: 'Established' }), status: 'Healthy', words: ['Established'] },
  {
    name: 'a *Status word field with a failure word',
    object: cr('acid.example.com/v1', 'postgresql', { ClusterStatus: 'SyncFailed' }),
    status: 'Degraded',
    words: ['SyncFailed'],
  },
  { name: 'unknown phase word leaves it to conditions (none) → Healthy', object: cr(V, 'Cache', { phase: 'Warm' }), status: 'Healthy', words: ['created'] },
  { name: 'no status at all → Healthy once it exists', object: cr(V, 'Database'), status: 'Healthy', words: ['created'] },
];
