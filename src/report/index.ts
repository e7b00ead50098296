// The single entry point for the action: every reporter, fed by the engine's event stream.
import * as core from './runner.js';
import type { Warning } from '../manifests/types.js';
import type { Plan } from '../plan/types.js';
import type { EventBus, SyncResult } from '../sync/events.js';
import { buildAnnotations, type Annotation } from './annotations.js';
import { CheckRunReporter, type FinalOutput } from './check-run.js';
import { conclusionFor, finalTitle, planStepsTable, planTitle, stepsTable } from './check-run-content.js';
import { DeploymentReporter, describe } from './deployment.js';
import { serverHost } from './format.js';
import { readGitHubContext } from './github-context.js';
import { LogReporter } from './log.js';
import { isForkPullRequest, noCheckRunNote } from './no-check-run.js';
import { makeOctokit } from './octokit.js';
import { outputsOf, setOutputs, type Outputs } from './outputs.js';
import { planResultJson, problemJson, syncResultToJson } from './result-json.js';
import { buildPlanSummary, buildSyncSummary, writeSummary } from './summary.js';
import type { ReportInput, ReportMode } from './types.js';
import { emitWorkflowAnnotations } from './workflow-annotations.js';

export type { ReportMode } from './types.js';

export interface ReportingOptions {
  /** GITHUB_TOKEN or another token; empty: no check run or deployment (annotations on the step). */
  token: string;
  app: string;
  mode: ReportMode;
  /** The `check-name` input; default `wavesync / <app>`. */
  checkName?: string;
  environment?: string;
  environmentUrl?: string;
  /** The cluster's API server (URL or host); only its host is ever shown. */
  kubeServerHost?: string | null;
  /** Live Actions log groups (default true). */
  log?: boolean;
  /** Minimum time between check-run progress updates (default 3000 ms). */
  throttleMs?: number;
  /** Variables to read GitHub's context from (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface ReportingResult {
  checkRunId: number | null;
  checkRunUrl: string | null;
  outputs: Outputs;
  summary: string;
  annotations: Annotation[];
}

export interface Reporting {
  /**
   * Completes the check run, writes the job summary, sets the outputs and the deployment status.
   * `result` defaults to the one in the `sync-finished` event; `plan` is for mode plan/diff when
   * no sync ran; `checkOutput` replaces the check run's title, summary and details (mode diff
   * shows its diff there, not the plan) unless the run failed. Never throws: reporting does not
   * change the step's result.
   */
  finish(result?: SyncResult | null, plan?: Plan | null, checkOutput?: CheckOutput | null): Promise<ReportingResult>;
}

/** A check run's title, summary and details given by the mode (diff-check-run.ts). */
export interface CheckOutput {
  title: string;
  summary: string;
  text: string;
}

export function startReporting(bus: EventBus, opts: ReportingOptions): Reporting {
  const gh = readGitHubContext(opts.env ?? process.env);
  const octokit = opts.token ? makeOctokit(opts.token, gh.apiUrl) : null;
  const check = new CheckRunReporter(octokit, gh, { name: opts.checkName || `wavesync / ${opts.app}`, throttleMs: opts.throttleMs });
  const deployment =
    octokit && opts.environment && opts.mode === 'sync'
      ? new DeploymentReporter(octokit, gh, { environment: opts.environment, environmentUrl: opts.environmentUrl, app: opts.app, revision: null })
      : null;
  let deploymentStarted: Promise<void> | null = null;

  const seen: { plan: Plan | null; result: SyncResult | null; warnings: Warning[]; validationErrors: Warning[] } = {
    plan: null,
    result: null,
    warnings: [],
    validationErrors: [],
  };
  const unsubscribe = [
    check.attach(bus),
    bus.on((e) => {
      if (e.type === 'sync-started') {
        seen.plan = e.plan;
        if (deployment && !deploymentStarted) deploymentStarted = deployment.start(e.plan.revision);
      } else if (e.type === 'warning') seen.warnings.push({ source: e.source ?? null, message: e.message });
      else if (e.type === 'validation-failed') seen.validationErrors.push(...e.errors);
      else if (e.type === 'sync-finished') seen.result = e.result;
    }),
  ];
  if (opts.log !== false) unsubscribe.push(new LogReporter().attach(bus));

  return {
    async finish(resultArg, planArg, checkOutput) {
      for (const off of unsubscribe) off();
      const result = resultArg ?? seen.result ?? (seen.validationErrors.length ? validationResult(opts, seen.validationErrors.length) : null);
      const plan = planArg ?? seen.plan;
      const host = serverHost(opts.kubeServerHost ?? result?.server ?? null);
      const input: ReportInput | null = result ? { result, plan, warnings: seen.warnings, validationErrors: seen.validationErrors } : null;
      const annotations = input
        ? buildAnnotations(input)
        : plan
          ? buildAnnotations({ result: emptyResult(plan, opts.mode), plan, warnings: seen.warnings, validationErrors: seen.validationErrors })
          : [];

      const final: FinalOutput = {
        conclusion: conclusionFor(result, opts.mode),
        title: result ? finalTitle(result) : plan ? planTitle(plan) : 'wavesync stopped before the sync finished',
        summary: result
          ? `${stepsTable([...result.steps, ...result.syncFailSteps])}${result.message ? `\n\n${result.message}` : ''}`
          : plan
            ? planStepsTable(plan)
            : 'No result.',
        text: input
          ? buildSyncSummary(input, { github: gh, serverHost: host, maxBytes: 60_000 })
          : plan
            ? buildPlanSummary(plan, { github: gh, serverHost: host, maxBytes: 60_000, mode: opts.mode })
            : undefined,
        annotations,
        ...(checkOutput && !result ? checkOutput : {}),
      };
      const outcome = await check.finish(final);
      if (outcome.missing) emitWorkflowAnnotations(annotations);

      const summaryOpts = {
        github: gh,
        serverHost: host,
        checkRunUrl: outcome.url,
        noCheckRun: outcome.missing ? noCheckRunNote(outcome.missing, { fork: isForkPullRequest(opts.env ?? process.env) }) : null,
      };
      const summary = input
        ? buildSyncSummary(input, summaryOpts)
        : plan
          ? buildPlanSummary(plan, { ...summaryOpts, mode: opts.mode })
          : `## ❌ wavesync stopped before the sync finished\n\nSee the step's log.\n${summaryOpts.noCheckRun ? `\n${summaryOpts.noCheckRun}\n` : ''}`;
      try {
        await writeSummary(summary);
      } catch (err) {
        core.warning(`Could not write the job summary: ${describe(err)}`);
      }

      const checkInfo = { id: outcome.id, url: outcome.url };
      let json = result ? syncResultToJson(result, host) : planResultJson(plan ?? emptyPlan(opts.app));
      if (!result && !plan) json.result = 'Failed';
      // Invalid manifests: each problem, at its file and line, is a failed resource.
      if (seen.validationErrors.length > 0) json = { ...json, mode: opts.mode, failures: seen.validationErrors.map(problemJson) };
      const outputs = outputsOf(json, checkInfo);
      setOutputs(outputs);

      if (deployment) {
        await deploymentStarted;
        await deployment.finish(result?.result ?? null);
      }
      return { checkRunId: outcome.id, checkRunUrl: outcome.url, outputs, summary, annotations };
    },
  };
}

/** Invalid manifests end a run before any sync: report them as a failed result. */
function validationResult(opts: ReportingOptions, count: number): SyncResult {
  const now = Date.now();
  return {
    ...emptyResult({ ...emptyPlan(opts.app) }, opts.mode),
    mode: opts.mode === 'delete' ? 'delete' : opts.mode === 'sync' ? 'sync' : 'dry-run',
    result: 'Failed',
    reason: 'Validation',
    message: `${count} validation error${count === 1 ? '' : 's'} in the manifests; nothing was applied`,
    startedAt: now,
    finishedAt: now,
  };
}

function emptyResult(plan: Plan, mode: ReportMode): SyncResult {
  return {
    app: plan.app,
    revision: plan.revision,
    mode: mode === 'delete' ? 'delete' : 'dry-run',
    result: 'Succeeded',
    reason: null,
    message: '',
    failedPhase: null,
    failures: [],
    syncFailFailures: [],
    steps: [],
    syncFailSteps: [],
    startedAt: 0,
    finishedAt: 0,
    durationMs: 0,
    server: null,
  };
}

function emptyPlan(app: string): Plan {
  return { app, revision: null, namespace: 'default', steps: [], syncFail: [], preDelete: [], postDelete: [], skipped: [], warnings: [] };
}
