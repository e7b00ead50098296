// The step's outputs, computed from the result's one JSON shape (pure), and their setter.
import * as core from './runner.js';
import type { Problem } from '../model/problems.js';
import type { Plan } from '../plan/types.js';
import type { SyncResult } from '../sync/events.js';
import { failedResources, planResultJson, refusedResultJson, syncResultToJson, type ResultJson } from './result-json.js';

export interface CheckRunInfo {
  id: number | null;
  url: string | null;
}

export type Outputs = Record<
  'result' | 'failed-phase' | 'failed-resources' | 'summary' | 'check-run-id' | 'check-run-url' | 'revision' | 'duration-seconds',
  string
>;

export function outputsOf(json: ResultJson, check: CheckRunInfo | null = null): Outputs {
  return {
    result: json.result,
    'failed-phase': json.failedPhase ?? '',
    'failed-resources': JSON.stringify(failedResources(json)),
    summary: JSON.stringify(json),
    'check-run-id': check?.id != null ? String(check.id) : '',
    'check-run-url': check?.url ?? '',
    revision: json.revision ?? '',
    'duration-seconds': (json.durationMs / 1000).toFixed(1),
  };
}

export function computeOutputs(result: SyncResult, check: CheckRunInfo | null = null, server: string | null = result.server): Outputs {
  return outputsOf(syncResultToJson(result, server), check);
}

/** Outputs of `mode: plan`/`diff`: nothing ran, so the summary lists the planned steps. */
export function computePlanOutputs(plan: Plan, check: CheckRunInfo | null = null): Outputs {
  return outputsOf(planResultJson(plan), check);
}

/** Outputs of a run refused before anything was applied (every problem is a failed resource). */
export function refusedOutputs(
  opts: { app: string; revision: string | null; mode?: string; problems: Problem[]; message?: string; durationMs: number },
  check: CheckRunInfo | null = null,
): Outputs {
  const n = opts.problems.length;
  const message = opts.message ?? (n ? `${n} problem${n === 1 ? '' : 's'} before anything was applied` : 'nothing was applied');
  return outputsOf(refusedResultJson({ mode: 'sync', ...opts, message }), check);
}

export function setOutputs(outputs: Outputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}
