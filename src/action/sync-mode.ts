// mode: sync (and dry-run: true) in the action: the pipeline with the GitHub reporters listening.
import * as core from '../report/runner.js';
import type { ActionInputs } from '../inputs.js';
import type { Problem } from '../model/problems.js';
import { runSyncPipeline } from '../pipeline/sync.js';
import { maskKubeconfigCredentials } from './mask-credentials.js';
import { syncOptions } from './options.js';
import { refusal } from './refusal.js';
import { actionReporter } from './reporter.js';

export async function runSyncMode(inputs: ActionInputs, env: Record<string, string | undefined>, inputProblems: Problem[]): Promise<void> {
  const run = await runSyncPipeline(syncOptions(inputs, env, inputProblems), {
    reporter: actionReporter(inputs, inputs.dryRun ? 'dry-run' : 'sync', env),
    onKubeconfig: maskKubeconfigCredentials,
    onSignal: (name) => core.warning(`${name} received: cancelling the sync (no new task starts, running hooks are deleted)`),
    onReleaseFailure: (message) => core.warning(message),
    onNotice: (message) => core.info(message),
  });
  if (run.problems.length > 0) return core.setFailed(refusal(run.problems.length, inputProblems.length));
  if (run.result && run.result.result !== 'Succeeded') core.setFailed(run.result.message);
}
