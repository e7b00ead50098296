// mode plan: source → manifests → plan, reported; no cluster.
import { sortProblems } from '../model/problems.js';
import { EventBus } from '../sync/events.js';
import type { PipelineResult, ReporterFactory, SourceOptions } from './options.js';
import { ResourceScope } from './scope.js';
import { sourceStep } from './source.js';

export function runPlanPipeline(opts: SourceOptions, reporter?: ReporterFactory, onReleaseFailure?: (message: string) => void): Promise<PipelineResult> {
  return ResourceScope.run((scope) => planInScope(opts, scope, reporter), onReleaseFailure);
}

async function planInScope(opts: SourceOptions, scope: ResourceScope, reporter?: ReporterFactory): Promise<PipelineResult> {
  const { plan, errors } = await sourceStep(opts, scope);
  const problems = sortProblems([...(opts.problems ?? []), ...errors]);
  const bus = new EventBus();
  const report = reporter?.(bus, { server: null });
  if (problems.length > 0) bus.emit({ type: 'validation-failed', at: Date.now(), errors: problems });
  const run: PipelineResult = { plan, problems, result: null };
  await report?.finish(run);
  return run;
}
