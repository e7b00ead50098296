// mode plan: source → manifests → plan, reported; no cluster.
import { sortProblems } from '../model/problems.js';
import { prepareSource } from '../source/prepare.js';
import { EventBus } from '../sync/events.js';
import type { PipelineResult, ReporterFactory, SourceOptions } from './options.js';

export async function runPlanPipeline(opts: SourceOptions, reporter?: ReporterFactory): Promise<PipelineResult> {
  const { plan, errors } = await prepareSource(opts);
  const problems = sortProblems([...(opts.problems ?? []), ...errors]);
  const bus = new EventBus();
  const report = reporter?.(bus, { server: null });
  if (problems.length > 0) bus.emit({ type: 'validation-failed', at: Date.now(), errors: problems });
  const run: PipelineResult = { plan, problems, result: null };
  await report?.finish(run);
  return run;
}
