// Velero: Backup and Restore by phase (a backup that partly failed is a failure); Schedule and the
// storage locations by their phase.
import type { HealthRule, HealthStatus } from '../types.js';
import { field, result, str } from '../fields.js';
import { byWord } from './conditions.js';

const RUN = {
  '': 'Progressing',
  New: 'Progressing',
  Queued: 'Progressing',
  ReadyToStart: 'Progressing',
  InProgress: 'Progressing',
  WaitingForPluginOperations: 'Progressing',
  WaitingForPluginOperationsPartiallyFailed: 'Progressing',
  Finalizing: 'Progressing',
  FinalizingPartiallyFailed: 'Progressing',
  Deleting: 'Progressing',
  Completed: 'Healthy',
  PartiallyFailed: 'Degraded',
  Failed: 'Degraded',
  FailedValidation: 'Degraded',
} as const;

/** A failure names its reason (failureReason or the first validation error). */
const byPhase =
  (table: Record<string, HealthStatus>): HealthRule =>
  (obj) => {
    const verdict = byWord(obj, 'phase', table, 'Unknown');
    if (verdict.status !== 'Degraded') return verdict;
    const errors = field(obj, 'status', 'validationErrors');
    const why = str(obj, 'status', 'failureReason') ?? (Array.isArray(errors) && typeof errors[0] === 'string' ? errors[0] : undefined);
    return why ? result('Degraded', `${verdict.message}: ${why}`) : verdict;
  };

export const veleroRules: Record<string, HealthRule> = {
  'velero.io/Backup': byPhase(RUN),
  'velero.io/Restore': byPhase(RUN),
  'velero.io/Schedule': byPhase({ '': 'Progressing', New: 'Progressing', Enabled: 'Healthy', FailedValidation: 'Degraded' }),
  'velero.io/BackupStorageLocation': (obj) => byWord(obj, 'phase', { '': 'Progressing', Available: 'Healthy', Unavailable: 'Degraded' }, 'Unknown'),
  'velero.io/VolumeSnapshotLocation': (obj) => byWord(obj, 'phase', { '': 'Healthy', Available: 'Healthy', Unavailable: 'Degraded' }, 'Unknown'),
};
