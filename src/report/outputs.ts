// The step's outputs, computed from the result (pure), and their setter.
import * as core from '@actions/core';
import type { Plan } from '../plan/types.js';
import type { SyncResult } from '../sync/events.js';

export interface CheckRunInfo {
  id: number | null;
  url: string | null;
}

export type Outputs = Record<
  'result' | 'failed-phase' | 'failed-resources' | 'summary' | 'check-run-id' | 'check-run-url' | 'revision' | 'duration-seconds',
  string
>;

export function computeOutputs(result: SyncResult, check: CheckRunInfo | null = null): Outputs {
  const failedResources = [...result.failures, ...result.syncFailFailures].map((f) => ({
    phase: f.phase,
    wave: f.wave,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    reason: f.reason,
    message: f.message,
    file: f.source.file,
    line: f.source.line,
  }));
  const steps = [...result.steps, ...result.syncFailSteps].map((s) => ({
    phase: s.phase,
    wave: s.wave,
    state: s.state,
    durationMs: s.startedAt != null && s.finishedAt != null ? s.finishedAt - s.startedAt : null,
    tasks: s.tasks.map((t) => ({
      kind: t.kind,
      namespace: t.namespace,
      name: t.name,
      hook: t.hook,
      state: t.state,
      health: t.health,
      action: t.action,
      message: t.message,
      file: t.source.file,
      line: t.source.line,
    })),
  }));
  return {
    result: result.result,
    'failed-phase': result.failedPhase ?? '',
    'failed-resources': JSON.stringify(failedResources),
    summary: JSON.stringify({ app: result.app, result: result.result, reason: result.reason, steps }),
    'check-run-id': check?.id != null ? String(check.id) : '',
    'check-run-url': check?.url ?? '',
    revision: result.revision ?? '',
    'duration-seconds': (result.durationMs / 1000).toFixed(1),
  };
}

/** Outputs of `mode: plan`/`diff`: nothing ran, so the summary lists the planned steps. */
export function computePlanOutputs(plan: Plan, check: CheckRunInfo | null = null): Outputs {
  const steps = plan.steps.map((s) => ({
    phase: s.phase,
    wave: s.wave,
    state: 'Pending',
    durationMs: null,
    tasks: s.tasks.map((t) => ({ kind: t.kind, namespace: t.namespace, name: t.name, hook: t.hook, file: t.source.file, line: t.source.line })),
  }));
  return {
    result: 'Planned',
    'failed-phase': '',
    'failed-resources': '[]',
    summary: JSON.stringify({ app: plan.app, result: 'Planned', reason: null, steps }),
    'check-run-id': check?.id != null ? String(check.id) : '',
    'check-run-url': check?.url ?? '',
    revision: plan.revision ?? '',
    'duration-seconds': '0.0',
  };
}

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
