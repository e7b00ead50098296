// What every part of a step's run shares: the cluster, the event bus, the object feed, the clock,
// the budget and the sync-wide bookkeeping that outlives a step (lingering logs, hook cleanup).
import type { ClusterPort } from '../cluster/port.js';
import type { Task } from '../plan/types.js';
import type { EventBus, FailureReason } from './events.js';
import type { HookCleanup } from './hook-cleanup.js';
import type { HookLogs } from './hook-logs.js';
import type { ObjectFeed } from './object-feed.js';
import type { EngineOptions } from './options.js';

export interface RunContext {
  cluster: ClusterPort;
  bus: EventBus;
  feed: ObjectFeed;
  opts: EngineOptions;
  now: () => number;
  /** User cancellation. */
  cancel: AbortSignal;
  /** Absolute time (ms) when the current budget ends. */
  deadline: number;
  /** Live name of each task (generateName hooks are named once per sync). */
  liveName: (t: Task) => string;
  appliedAnything: boolean;
  /** Log streams of hooks that finished but may still print; stopped when the sync ends. */
  lingeringLogs: HookLogs[];
  /** Hooks to delete when the sync ends, by their delete policies. */
  hookCleanup: HookCleanup;
}

export interface StepOutcome {
  state: 'Succeeded' | 'Failed' | 'Cancelled';
  reason: FailureReason | null;
}
