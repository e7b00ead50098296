// mode: sync (and dry-run: true) in the action: the same engine as the CLI, with the GitHub
// reporters (check run, job summary, outputs, deployment, log groups) listening to its events.
import * as core from '@actions/core';
import { createKubeCluster } from '../cluster/kube/adapter.js';
import { KubeconfigError, kubeconfigFromInput, loadKubeConfig } from '../cluster/kubeconfig.js';
import type { ActionInputs } from '../inputs.js';
import { startReporting } from '../report/index.js';
import { runEngine } from '../sync/engine.js';
import { EventBus } from '../sync/events.js';
import { loadHealthRules, preparePlan } from '../source/prepare.js';
import { cancelOnSignals } from '../sync/signals.js';
import { maskKubeconfigCredentials } from './mask-credentials.js';
import { unsupportedInputs } from './unsupported.js';

export interface ActionRunContext {
  workspace: string;
  revision: string | null;
}

export type ModeOutcome = 'Succeeded' | 'Failed' | 'Cancelled';

export async function runSyncMode(inputs: ActionInputs, ctx: ActionRunContext, env = process.env): Promise<ModeOutcome> {
  const mode = inputs.dryRun ? 'dry-run' : 'sync';
  const bus = new EventBus();
  const { plan, errors } = preparePlan({ manifests: inputs.manifests, root: ctx.workspace, app: inputs.app, namespace: inputs.namespace, revision: ctx.revision });
  const health = loadHealthRules({ text: inputs.healthChecks });
  const unsupported = unsupportedInputs(inputs, env);
  for (const w of unsupported.warnings) core.warning(w);
  const problems = [...unsupported.errors.map((message) => ({ source: null, message })), ...errors, ...health.errors];

  const temp = inputs.kubeconfig ? kubeconfigFromInput(inputs.kubeconfig) : null;
  let cluster;
  try {
    const kc = loadKubeConfig({ path: temp?.path, context: inputs.context || undefined, env });
    maskKubeconfigCredentials(kc);
    cluster = createKubeCluster(kc);
  } catch (err) {
    temp?.cleanup();
    if (!(err instanceof KubeconfigError)) throw err;
    problems.push({ source: null, message: `input kubeconfig: ${err.message}` });
  }

  const reporting = startReporting(bus, {
    token: inputs.token,
    app: inputs.app,
    mode,
    checkName: inputs.checkName,
    environment: inputs.environment || undefined,
    environmentUrl: inputs.environmentUrl || undefined,
    kubeServerHost: cluster?.serverHost() ?? null,
    env,
  });

  if (problems.length > 0 || !cluster) {
    bus.emit({ type: 'validation-failed', at: Date.now(), errors: problems });
    await reporting.finish(null, plan);
    core.setFailed(`${problems.length} problem(s) in the inputs or manifests; nothing was applied`);
    return 'Failed';
  }

  const cancel = cancelOnSignals((name) => core.warning(`${name} received: cancelling the sync (no new task starts, running hooks are deleted)`));
  try {
    const result = await runEngine({
      cluster,
      plan,
      bus,
      mode,
      timeoutMs: inputs.timeoutSeconds * 1000,
      waveDelayMs: inputs.waveDelaySeconds * 1000,
      failFastAfterMs: inputs.failFastAfterSeconds * 1000,
      createNamespace: inputs.createNamespace,
      healthRules: health.rules,
      signal: cancel.signal,
    });
    await reporting.finish(result, plan);
    if (result.result !== 'Succeeded') core.setFailed(result.message);
    return result.result;
  } finally {
    cancel.dispose();
    await cluster.close();
    temp?.cleanup();
  }
}
