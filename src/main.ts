// Action entry (bundled to dist/index.js): read the inputs, run the mode, set the outputs.
import * as core from '@actions/core';
import { planToMarkdown, planToText } from './cli/plan-format.js';
import { readInputs, type ActionInputs, type Mode } from './inputs.js';
import { loadManifests } from './manifests/load.js';
import { sortProblems } from './manifests/problems.js';
import { formatProblem, type ValidationError } from './manifests/types.js';
import { buildPlan } from './plan/build-plan.js';

interface RunContext {
  workspace: string;
  revision: string | null;
}

type ModeRunner = (inputs: ActionInputs, ctx: RunContext) => Promise<'Succeeded' | 'Failed'>;

const notYetAvailable =
  (mode: Mode): ModeRunner =>
  async () => {
    core.setFailed(`mode ${mode} is not yet available in this version of wavesync; use mode: plan`);
    return 'Failed';
  };

const MODE_RUNNERS: Record<Mode, ModeRunner> = {
  plan: runPlanMode,
  sync: notYetAvailable('sync'),
  diff: notYetAvailable('diff'),
  delete: notYetAvailable('delete'),
};

async function runPlanMode(inputs: ActionInputs, ctx: RunContext): Promise<'Succeeded' | 'Failed'> {
  const loaded = loadManifests(inputs.manifests, { root: ctx.workspace });
  const { plan, errors } = buildPlan(loaded.objects, { app: inputs.app, namespace: inputs.namespace, revision: ctx.revision });
  const allErrors = sortProblems([...loaded.errors, ...errors]);
  if (allErrors.length > 0) {
    reportErrors(allErrors);
    core.setOutput('failed-resources', JSON.stringify(allErrors));
    core.setFailed(`${allErrors.length} validation error${allErrors.length > 1 ? 's' : ''} in the manifests; nothing was applied`);
    return 'Failed';
  }
  plan.warnings = sortProblems([...loaded.warnings, ...plan.warnings]);
  for (const w of plan.warnings) core.warning(w.message, w.source ? { file: w.source.file, startLine: w.source.line } : {});
  core.startGroup(`Plan for app ${plan.app}`);
  core.info(planToText(plan));
  core.endGroup();
  const markdown = planToMarkdown(plan);
  core.setOutput('summary', markdown);
  await core.summary.addRaw(markdown, true).write();
  return 'Succeeded';
}

/** Each error as a log line and an annotation on its file and line. */
function reportErrors(errors: ValidationError[]): void {
  for (const e of errors) {
    core.error(e.source ? formatProblem(e) : e.message, e.source ? { file: e.source.file, startLine: e.source.line } : {});
  }
}

async function run(): Promise<void> {
  const started = Date.now();
  const { inputs, errors } = readInputs(process.env);
  if (inputs.token) core.setSecret(inputs.token);
  if (inputs.kubeconfig) core.setSecret(inputs.kubeconfig);
  const revision = inputs.ref || process.env.GITHUB_SHA || null;
  core.setOutput('revision', revision ?? '');
  let result: 'Succeeded' | 'Failed' = 'Failed';
  try {
    if (errors.length > 0) {
      for (const e of errors) core.error(e);
      core.setFailed(`${errors.length} invalid input${errors.length > 1 ? 's' : ''}; nothing was applied`);
    } else {
      result = await MODE_RUNNERS[inputs.mode](inputs, { workspace: process.env.GITHUB_WORKSPACE || process.cwd(), revision });
    }
  } catch (err) {
    core.setFailed(`wavesync failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    core.setOutput('result', result);
    core.setOutput('duration-seconds', ((Date.now() - started) / 1000).toFixed(1));
  }
}

void run();
