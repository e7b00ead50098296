// The action's inputs → the pipeline's options. Nothing else in the action reads ActionInputs.
import { existsSync } from 'node:fs';
import * as core from '../report/runner.js';
import path from 'node:path';
import type { ActionInputs } from '../inputs.js';
import type { CheckoutOptions } from '../source/checkout.js';
import { CHECKOUT_STATE } from './post-cleanup.js';
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
    render: { renderer: inputs.renderer, helmValues: inputs.helmValues, helmSet: inputs.helmSet, env, tempDir: env.RUNNER_TEMP || undefined },
    images: { lines: inputs.images, label: 'input images' },
    checkout: checkoutOptions(inputs, env),
  };
}

/**
 * A checkout when the manifests are not the workspace's: another repository, a ref, or a
 * workspace with no checkout at all (then the workflow's own commit). The token goes only to the
 * GitHub server the workflow runs on.
 */
export function checkoutOptions(inputs: ActionInputs, env: Env): CheckoutOptions | undefined {
  const here = env.GITHUB_REPOSITORY ?? '';
  const repository = inputs.repository || here;
  const other = repository !== here;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const noCheckout = !existsSync(path.join(workspace, '.git'));
  if (!repository || (!other && !inputs.ref && !noCheckout)) return undefined;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const onServer = !/^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || sameOrigin(repository, serverUrl);
  return {
    repository,
    ref: inputs.ref || (other ? '' : env.GITHUB_SHA || ''),
    token: onServer ? inputs.token || undefined : undefined,
    serverUrl,
    tempDir: env.RUNNER_TEMP || undefined,
    env,
    // The post step removes it even if this step is killed before its own cleanup.
    onCreated: (dir) => core.saveState(CHECKOUT_STATE, dir),
  };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
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
