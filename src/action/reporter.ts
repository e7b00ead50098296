// The action's reporters (log groups, check run, job summary, outputs, deployment) as one pipeline
// reporter.
import type { ActionInputs } from '../inputs.js';
import type { PipelineResult, ReporterFactory } from '../pipeline/options.js';
import { startReporting, type CheckOutput, type ReportMode } from '../report/index.js';

export function actionReporter(
  inputs: ActionInputs,
  mode: ReportMode,
  env: Record<string, string | undefined>,
  beforeFinish?: (run: PipelineResult) => void,
  /** The check run's content when the mode has its own (mode diff). */
  checkOutput?: () => CheckOutput | null,
): ReporterFactory {
  return (bus, ctx) => {
    const reporting = startReporting(bus, {
      token: inputs.token,
      app: inputs.app,
      mode,
      checkName: inputs.checkName,
      environment: inputs.environment || undefined,
      environmentUrl: inputs.environmentUrl || undefined,
      kubeServerHost: ctx.server,
      env,
    });
    return {
      async finish(run) {
        beforeFinish?.(run);
        await reporting.finish(run.result, run.plan, checkOutput?.());
      },
    };
  };
}
