// mode: plan in the action: the plan to the log, the job summary and a neutral check run.
import * as core from '../report/runner.js';
import type { ActionInputs } from '../inputs.js';
import type { Problem } from '../model/problems.js';
import { runPlanPipeline } from '../pipeline/plan.js';
import { planToText } from '../report/plan-format.js';
import { sourceOptions } from './options.js';
import { refusal } from './refusal.js';
import { actionReporter } from './reporter.js';

export async function runPlanMode(inputs: ActionInputs, env: Record<string, string | undefined>, inputProblems: Problem[], started: number): Promise<void> {
  const logPlan = (run: { plan: Parameters<typeof planToText>[0]; problems: Problem[] }) => {
    if (run.problems.length > 0) return;
    core.startGroup(`Plan for app ${run.plan.app}`);
    core.info(planToText(run.plan));
    core.endGroup();
  };
  const run = await runPlanPipeline(sourceOptions(inputs, env, inputProblems), actionReporter(inputs, 'plan', env, logPlan));
  if (run.problems.length > 0) return core.setFailed(refusal(run.problems.length, inputProblems.length));
  core.setOutput('duration-seconds', ((Date.now() - started) / 1000).toFixed(1));
}
