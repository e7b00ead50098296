// mode: delete in the action: the app torn down from its inventory, reported like a sync.
import * as core from '../report/runner.js';
import type { ActionInputs } from '../inputs.js';
import type { Problem } from '../model/problems.js';
import { runDeletePipeline } from '../pipeline/delete.js';
import { actionHolder } from '../pipeline/lock-holder.js';
import { maskKubeconfigCredentials } from './mask-credentials.js';
import { sourceOptions } from './options.js';
import { refusal } from './refusal.js';
import { actionReporter } from './reporter.js';

export async function runDeleteMode(inputs: ActionInputs, env: Record<string, string | undefined>, inputProblems: Problem[]): Promise<void> {
  const run = await runDeletePipeline(
    {
      ...sourceOptions(inputs, env, inputProblems),
      cluster: { text: inputs.kubeconfig || undefined, tempDir: env.RUNNER_TEMP || undefined, context: inputs.context, env, label: 'input kubeconfig' },
      timeoutMs: inputs.timeoutSeconds * 1000,
      holder: actionHolder(env),
      lockTimeoutMs: inputs.lockTimeoutSeconds * 1000,
    },
    {
      reporter: actionReporter(inputs, 'delete', env),
      onKubeconfig: maskKubeconfigCredentials,
      onSignal: (name) => core.warning(`${name} received: cancelling the deletion (nothing more is deleted)`),
      onReleaseFailure: (message) => core.warning(message),
      onNotice: (message) => core.info(message),
    },
  );
  if (run.problems.length > 0) return core.setFailed(refusal(run.problems.length, inputProblems.length));
  if (run.result && run.result.result !== 'Succeeded') core.setFailed(run.result.message);
}
