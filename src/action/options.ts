// The action's inputs → the pipeline's options. Nothing else in the action reads ActionInputs.
import type { ActionInputs } from '../inputs.js';
import type { Problem } from '../model/problems.js';
import { actionHolder } from '../pipeline/lock-holder.js';
import type { SourceOptions, SyncOptions } from '../pipeline/options.js';

type Env = Record<string, string | undefined>;

export function sourceOptions(inputs: ActionInputs, env: Env, problems: Problem[]): SourceOptions {
  return {
    manifests: inputs.manifests,
    root: env.GITHUB_WORKSPACE || process.cwd(),
    app: inputs.app,
    namespace: inputs.namespace,
    revision: inputs.ref || env.GITHUB_SHA || null,
    problems,
  };
}

export function syncOptions(inputs: ActionInputs, env: Env, problems: Problem[]): SyncOptions {
  return {
    ...sourceOptions(inputs, env, problems),
    mode: inputs.dryRun ? 'dry-run' : 'sync',
    cluster: { text: inputs.kubeconfig || undefined, tempDir: env.RUNNER_TEMP || undefined, context: inputs.context, env, label: 'input kubeconfig' },
    timeoutMs: inputs.timeoutSeconds * 1000,
    waveDelayMs: inputs.waveDelaySeconds * 1000,
    failFastAfterMs: inputs.failFastAfterSeconds * 1000,
    createNamespace: inputs.createNamespace,
    healthChecks: { text: inputs.healthChecks, root: env.GITHUB_WORKSPACE || process.cwd() },
    lifecycle: {
      prune: inputs.prune,
      confirmPrune: inputs.pruneConfirm,
      forceAdopt: inputs.forceAdopt,
      holder: actionHolder(env),
      lockTimeoutMs: inputs.lockTimeoutSeconds * 1000,
      retries: inputs.retries,
      retryBackoffMs: inputs.retryBackoffSeconds * 1000,
      rollbackOnFailure: inputs.onFailure === 'rollback',
      historyLimit: inputs.historyLimit,
    },
    rollback: inputs.mode === 'rollback' ? { to: inputs.rollbackTo || undefined } : undefined,
  };
}
