// The words controllers without conditions put in status.phase / status.state, and what each
// means for a gate. Compared case-insensitively. Examples:
//   Velero Backup        status.phase: Completed | InProgress | Failed
//   Zalando postgresql   status.PostgresClusterStatus: Running | Creating | CreateFailed
//   Strimzi-like state   status.state: Ready | NotReady
import type { HealthStatus } from './types.js';

const WORDS: Record<string, HealthStatus> = {};
const put = (status: HealthStatus, words: string[]) => words.forEach((w) => (WORDS[w.toLowerCase()] = status));

put('Degraded', [
  'Failed',
  'Failure',
  'Error',
  'Errored',
  'Degraded',
  'Unhealthy',
  'Invalid',
  'Rejected',
  'Crashed',
  'Aborted',
  'PartiallyFailed',
  'FailedValidation',
  'Unavailable',
  'Lost',
]);
put('Progressing', [
  'Pending',
  'Progressing',
  'Provisioning',
  'Creating',
  'Updating',
  'Upgrading',
  'Deploying',
  'Installing',
  'Initializing',
  'InProgress',
  'Reconciling',
  'Waiting',
  'New',
  'Scaling',
  'ScalingUp',
  'ScalingDown',
  'Starting',
  'Deleting',
  'Terminating',
  'NotReady',
  'Unknown',
]);
put('Healthy', [
  'Ready',
  'Healthy',
  'Succeeded',
  'Success',
  'Successful',
  'Available',
  'Active',
  'Bound',
  'Established',
  'Completed',
  'Complete',
  'Deployed',
  'Provisioned',
  'Running',
  'Synced',
  'Valid',
  'Enabled',
  'Online',
  'Done',
  'OK',
]);
put('Suspended', ['Paused', 'Suspended']);

/** The status a phase word means, or undefined for a word we do not know (the caller decides). */
export function phaseStatus(word: string | undefined): HealthStatus | undefined {
  if (!word) return undefined;
  return WORDS[word.toLowerCase()] ?? WORDS[word.toLowerCase().replace(/[\s_-]/g, '')];
}

/** A failure spelled with a failure word inside: CreateFailed, SyncError, UpdateFailure. */
export function isFailureWord(word: string): boolean {
  return /(failed|failure|error|errored)$/i.test(word) || /^(failed|error)/i.test(word);
}
