// Sync phases (SEMANTICS section 2), in the order a sync and a deletion run them.
export const SYNC_PHASES = ['PreSync', 'Sync', 'PostSync'] as const;
export const ALL_PHASES = ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'PreDelete', 'PostDelete'] as const;
export type Phase = (typeof ALL_PHASES)[number];
