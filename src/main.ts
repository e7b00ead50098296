// Action entry (bundled to dist/index.js): read the inputs, run the mode, set the outputs.
import * as core from '@actions/core';
import { planToText } from './report/plan-format.js';
import { readInputs, type ActionInputs, type Mode } from './inputs.js';
import type { ValidationError } from './manifests/types.js';
import { preparePlan } from './source/prepare.js';
import { EventBus } from './sync/events.js';
import { startReporting } from './report/index.js';
import { setOutputs, type Outputs } from './report/outputs.js';
import { runSyncMode } from './action/sync-mode.js';

interface RunContext {
  workspace: string;
  revision: string | null;
  started: number;
}

/** A mode sets its own outputs and says whether the step succeeded. */
type ModeRunner = (inputs: ActionInputs, ctx: RunContext) => Promise<void>;

const notYetAvailable =
  (mode: Mode): ModeRunner =>
  async (_inputs, ctx) => {
    setFailedOutputs(ctx);
    core.setFailed(`mode ${mode} is not yet available in this version of wavesync; use mode: plan`);
  };

/** Reporting inside runSyncMode sets every output, the check run and the job summary. */
const syncMode: ModeRunner = async (inputs, ctx) => {
  await runSyncMode(inputs, ctx);
};

const MODE_RUNNERS: Record<Mode, ModeRunner> = {
  plan: runPlanMode,
  sync: syncMode,
  diff: notYetAvailable('diff'),
  delete: notYetAvailable('delete'),
};

const elapsed = (ctx: RunContext) => ((Date.now() - ctx.started) / 1000).toFixed(1);

/** mode: plan: no cluster; the plan goes to the log, the job summary and a neutral check run. */
async function runPlanMode(inputs: ActionInputs, ctx: RunContext): Promise<void> {
  const { plan, errors } = preparePlan({ manifests: inputs.manifests, root: ctx.workspace, app: inputs.app, namespace: inputs.namespace, revision: ctx.revision });
  const bus = new EventBus();
  const reporting = startReporting(bus, { token: inputs.token, app: inputs.app, mode: 'plan', checkName: inputs.checkName });
  if (errors.length > 0) {
    bus.emit({ type: 'validation-failed', at: Date.now(), errors });
    await reporting.finish(null, plan);
    core.setFailed(`${errors.length} validation error${errors.length > 1 ? 's' : ''} in the manifests; nothing was applied`);
    return;
  }
  core.startGroup(`Plan for app ${plan.app}`);
  core.info(planToText(plan));
  core.endGroup();
  await reporting.finish(null, plan);
  core.setOutput('duration-seconds', elapsed(ctx));
}

function setFailedOutputs(ctx: RunContext, errors: ValidationError[] = []): void {
  const outputs: Outputs = {
    result: 'Failed',
    'failed-phase': '',
    'failed-resources': JSON.stringify(errors.map((e) => ({ reason: 'Validation', message: e.message, file: e.source?.file ?? null, line: e.source?.line ?? null }))),
    summary: JSON.stringify({ result: 'Failed', reason: 'Validation', steps: [] }),
    'check-run-id': '',
    'check-run-url': '',
    revision: ctx.revision ?? '',
    'duration-seconds': elapsed(ctx),
  };
  setOutputs(outputs);
}

async function run(): Promise<void> {
  const ctx: RunContext = { workspace: process.env.GITHUB_WORKSPACE || process.cwd(), revision: null, started: Date.now() };
  const { inputs, errors } = readInputs(process.env);
  if (inputs.token) core.setSecret(inputs.token);
  if (inputs.kubeconfig) core.setSecret(inputs.kubeconfig);
  ctx.revision = inputs.ref || process.env.GITHUB_SHA || null;
  if (errors.length > 0) {
    for (const e of errors) core.error(e);
    setFailedOutputs(ctx);
    core.setFailed(`${errors.length} invalid input${errors.length > 1 ? 's' : ''}; nothing was applied`);
    return;
  }
  try {
    await MODE_RUNNERS[inputs.mode](inputs, ctx);
  } catch (err) {
    setFailedOutputs(ctx);
    core.setFailed(`wavesync failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

void run();
