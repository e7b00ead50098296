// Per-object sync options: only the values SEMANTICS section 1 accepts, as Argo CD spells them.
export const ACCEPTED_SYNC_OPTIONS = [
  'Prune=false',
  'Prune=confirm',
  'Replace=true',
  'Force=true',
  'ServerSideApply=true',
  'ServerSideApply=false',
  'Validate=false',
  'SkipDryRunOnMissingResource=true',
  'PruneLast=true',
  'CreateNamespace=true',
  'Delete=false',
] as const;
export type SyncOption = (typeof ACCEPTED_SYNC_OPTIONS)[number];
