// The one JSON shape of a run's result (docs/result.schema.json): `--output json`, the action's
// `summary` output, and, item for item, its `failed-resources` output. Durations in milliseconds,
// states as `state`, manifest positions as `file` and `line`.
import type { Phase } from '../model/phases.js';
import { isLiveSource } from '../model/live-source.js';
import type { Problem, Source } from '../model/problems.js';
import type { Plan, Step } from '../plan/types.js';
import type { StepResult, SyncResult, TaskFailure, TaskResult } from '../sync/events.js';

export interface FailureJson {
  phase: Phase | null;
  wave: number | null;
  kind: string | null;
  namespace: string | null;
  name: string | null;
  reason: string;
  message: string;
  file: string | null;
  line: number | null;
  /** Last log lines of a failed hook; left out of the `failed-resources` output. */
  logTail?: string[];
}

export interface TaskJson {
  kind: string;
  namespace: string | null;
  name: string | null;
  hook: boolean;
  state: string;
  health: string | null;
  action: string | null;
  message: string;
  durationMs: number | null;
  /** null for an object known only from the cluster (a member being pruned or deleted). */
  file: string | null;
  line: number | null;
}

export interface StepJson {
  phase: Phase;
  wave: number;
  state: string;
  durationMs: number | null;
  tasks: TaskJson[];
}

export interface ResultJson {
  app: string;
  revision: string | null;
  mode: string;
  result: 'Succeeded' | 'Failed' | 'Cancelled' | 'Planned';
  reason: string | null;
  message: string;
  failedPhase: Phase | null;
  durationMs: number;
  /** Host of the cluster's API server (never credentials or a path). */
  server: string | null;
  failures: FailureJson[];
  syncFailFailures: FailureJson[];
  /** Every step in the order it runs (or would run): PreSync, Sync, PostSync, then SyncFail. */
  steps: StepJson[];
  /** Earlier attempts that failed and were retried, oldest first (only when there were any). */
  attempts?: { result: string; reason: string | null; message: string; durationMs: number }[];
  /** The release this sync recorded in the app's history, and the one before it. */
  release?: { number: number; previous: { number: number; revision: string | null; result: string; startedAt: string } | null };
  /** The sync of the last successful release after this failed one (on-failure: rollback). */
  rollback?: { release: number; revision: string | null; result: string; reason: string | null; message: string; durationMs: number };
}

/** A manifest position; null for an object known only from the cluster. */
const place = (s: Source) => (isLiveSource(s) ? { file: null, line: null } : { file: s.file, line: s.line });

const span = (from: number | null, to: number | null) => (from !== null && to !== null ? Math.max(0, to - from) : null);

export function failureJson(f: TaskFailure): FailureJson {
  return {
    phase: f.phase,
    wave: f.wave,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    reason: f.reason,
    message: f.message,
    ...place(f.source),
    logTail: f.logTail,
  };
}

/** A problem found before anything was applied, as a failure. */
export function problemJson(p: Problem): FailureJson {
  return {
    phase: null,
    wave: null,
    kind: null,
    namespace: null,
    name: null,
    reason: 'Validation',
    message: p.message,
    file: p.source?.file ?? null,
    line: p.source?.line ?? null,
    logTail: [],
  };
}

function taskJson(t: TaskResult): TaskJson {
  return {
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    hook: t.hook,
    state: t.state,
    health: t.health,
    action: t.action,
    message: t.message,
    durationMs: span(t.startedAt, t.finishedAt),
    ...place(t.source),
  };
}

function stepJson(s: StepResult): StepJson {
  return { phase: s.phase, wave: s.wave, state: s.state, durationMs: span(s.startedAt, s.finishedAt), tasks: s.tasks.map(taskJson) };
}

function plannedStepJson(s: Step): StepJson {
  return {
    phase: s.phase,
    wave: s.wave,
    state: 'Pending',
    durationMs: null,
    tasks: s.tasks.map((t) => ({
      kind: t.kind,
      namespace: t.namespace,
      name: t.name,
      hook: t.hook,
      state: 'Pending',
      health: null,
      action: null,
      message: '',
      durationMs: null,
      ...place(t.source),
    })),
  };
}

export function syncResultToJson(r: SyncResult, server: string | null = r.server): ResultJson {
  return {
    app: r.app,
    revision: r.revision,
    mode: r.mode,
    result: r.result,
    reason: r.reason,
    message: r.message,
    failedPhase: r.failedPhase,
    durationMs: r.durationMs,
    server,
    failures: r.failures.map(failureJson),
    syncFailFailures: r.syncFailFailures.map(failureJson),
    steps: [...r.steps, ...r.syncFailSteps].map(stepJson),
    ...(r.attempts?.length ? { attempts: r.attempts.map((a) => ({ ...a })) } : {}),
    ...(r.release ? { release: { number: r.release.number, previous: r.release.previous ? { ...r.release.previous } : null } } : {}),
    ...(r.rollback ? { rollback: { ...r.rollback } } : {}),
  };
}

/** mode plan: nothing ran; the steps are the plan's, Pending. */
export function planResultJson(plan: Plan, durationMs = 0): ResultJson {
  return {
    app: plan.app,
    revision: plan.revision,
    mode: 'plan',
    result: 'Planned',
    reason: null,
    message: '',
    failedPhase: null,
    durationMs,
    server: null,
    failures: [],
    syncFailFailures: [],
    steps: plan.steps.map(plannedStepJson),
  };
}

/** A run that stopped before anything was applied: every problem is a failure. */
export function refusedResultJson(opts: {
  app: string;
  revision: string | null;
  mode: string;
  problems: Problem[];
  message: string;
  durationMs: number;
}): ResultJson {
  return {
    app: opts.app,
    revision: opts.revision,
    mode: opts.mode,
    result: 'Failed',
    reason: 'Validation',
    message: opts.message,
    failedPhase: null,
    durationMs: opts.durationMs,
    server: null,
    failures: opts.problems.map(problemJson),
    syncFailFailures: [],
    steps: [],
  };
}

/** The `failed-resources` output: the failures of the result, without log tails. */
export function failedResources(r: ResultJson): Omit<FailureJson, 'logTail'>[] {
  return [...r.failures, ...r.syncFailFailures].map(({ logTail: _logTail, ...rest }) => rest);
}
