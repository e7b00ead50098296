// The `--output json` shape of a finished sync: stable field names, durations in seconds.
import type { StepResult, SyncResult, TaskResult } from './events.js';

const seconds = (from: number | null, to: number | null) => (from !== null && to !== null ? Math.round(to - from) / 1000 : null);

function taskJson(t: TaskResult) {
  return {
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    hook: t.hook,
    status: t.state,
    health: t.health,
    action: t.action,
    message: t.message,
    durationSeconds: seconds(t.startedAt, t.finishedAt),
    source: t.source,
  };
}

function stepJson(s: StepResult) {
  return { phase: s.phase, wave: s.wave, status: s.state, durationSeconds: seconds(s.startedAt, s.finishedAt), tasks: s.tasks.map(taskJson) };
}

export function syncResultToJson(r: SyncResult) {
  return {
    app: r.app,
    revision: r.revision,
    mode: r.mode,
    result: r.result,
    reason: r.reason,
    message: r.message,
    failedPhase: r.failedPhase,
    durationSeconds: r.durationMs / 1000,
    server: r.server,
    failures: r.failures,
    syncFailFailures: r.syncFailFailures,
    steps: r.steps.map(stepJson),
    syncFail: r.syncFailSteps.map(stepJson),
  };
}
