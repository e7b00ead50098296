// Per-object sync options: only the values SEMANTICS section 1 accepts, as Argo CD spells them.
import { ACCEPTED_SYNC_OPTIONS } from '../model/sync-options.js';
import { ARGO_SYNC_OPTIONS, oneOf, splitList } from './annotation-keys.js';

/** Accepted, but a warning tells what wavesync does instead. */
const WARNINGS: Record<string, string> = {
  'ServerSideApply=false': 'ServerSideApply=false is ignored: wavesync always applies server-side',
  'CreateNamespace=true': 'CreateNamespace=true only applies to the whole app: use the create-namespace input (or --create-namespace)',
};

export interface SyncOptionsResult {
  options: string[];
  errors: { annotation: string; message: string }[];
  warnings: { annotation: string; message: string }[];
}

export function readSyncOptions(annotations: Record<string, string>): SyncOptionsResult {
  const result: SyncOptionsResult = { options: [], errors: [], warnings: [] };
  const raw = annotations[ARGO_SYNC_OPTIONS];
  if (raw === undefined) return result;
  const accepted: readonly string[] = ACCEPTED_SYNC_OPTIONS;
  for (const v of splitList(String(raw))) {
    if (!accepted.includes(v)) {
      result.errors.push({
        annotation: ARGO_SYNC_OPTIONS,
        message: `${ARGO_SYNC_OPTIONS} has unknown option "${v}"; accepted: ${oneOf(ACCEPTED_SYNC_OPTIONS)} (case-sensitive)`,
      });
      continue;
    }
    result.options.push(v);
    if (WARNINGS[v]) result.warnings.push({ annotation: ARGO_SYNC_OPTIONS, message: WARNINGS[v] });
  }
  return result;
}
