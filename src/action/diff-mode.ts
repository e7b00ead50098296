// mode: diff in the action: what a sync would change, in the log, the job summary, a neutral
// check run and (comment-on-pr) one pull-request comment kept up to date. diff-exit-code fails
// the step when anything would change.
import * as core from '../report/runner.js';
import type { ActionInputs } from '../inputs.js';
import type { Problem } from '../model/problems.js';
import { runDiffPipeline } from '../pipeline/diff.js';
import { changeCounts, commentMarker, diffToMarkdown, diffToText } from '../report/diff-format.js';
import { diffCheckOutput } from '../report/diff-check-run.js';
import { makeOctokit } from '../report/octokit.js';
import { pullRequestOf, upsertComment } from '../report/pr-comment.js';
import { writeSummary } from '../report/summary.js';
import { EventBus } from '../sync/events.js';
import { maskKubeconfigCredentials } from './mask-credentials.js';
import { syncOptions } from './options.js';
import { refusal } from './refusal.js';
import { actionReporter } from './reporter.js';

type Env = Record<string, string | undefined>;

export async function runDiffMode(inputs: ActionInputs, env: Env, inputProblems: Problem[], started: number): Promise<void> {
  const opts = syncOptions(inputs, env, inputProblems);
  const run = await runDiffPipeline(
    { ...opts, confirmPrune: inputs.pruneConfirm },
    { onKubeconfig: maskKubeconfigCredentials, onReleaseFailure: (m) => core.warning(m) },
  );
  if (run.diff) {
    core.startGroup(`Diff for app ${run.diff.app}`);
    core.info(diffToText(run.diff));
    core.endGroup();
    try {
      await writeSummary(diffToMarkdown(run.diff));
    } catch (err) {
      core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
    core.setOutput('changes', String(run.diff.changes));
    if (inputs.commentOnPr) await commentOnPullRequest(inputs, env, diffToMarkdown(run.diff));
  }
  // The neutral check run showing the diff, the plan's annotations and the usual outputs.
  const bus = new EventBus();
  const diff = run.diff;
  const report = actionReporter(inputs, 'diff', env, undefined, () => (diff ? diffCheckOutput(diff) : null))(bus, { server: run.diff?.server ?? null });
  if (run.problems.length > 0) bus.emit({ type: 'validation-failed', at: Date.now(), errors: run.problems });
  await report.finish({ plan: run.plan, problems: run.problems, result: null });
  core.setOutput('duration-seconds', ((Date.now() - started) / 1000).toFixed(1));
  if (run.problems.length > 0) return core.setFailed(refusal(run.problems.length, inputProblems.length));
  if (inputs.diffExitCode && run.diff?.changes) core.setFailed(`a sync would change the cluster (${changeCounts(run.diff)}); diff-exit-code is on`);
}

/** Never fails the step: a fork's read-only token cannot comment, and the summary has it all. */
async function commentOnPullRequest(inputs: ActionInputs, env: Env, markdown: string): Promise<void> {
  const pr = pullRequestOf(env);
  if (!pr) {
    core.info('comment-on-pr: this run is not for a pull request; no comment');
    return;
  }
  if (!inputs.token) {
    core.warning('comment-on-pr: no token; the diff is in the job summary only');
    return;
  }
  try {
    const octokit = makeOctokit(inputs.token, (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''));
    const done = await upsertComment(octokit, pr, commentMarker(inputs.app), markdown);
    core.info(`comment-on-pr: ${done.action} ${done.url}`);
  } catch (err) {
    core.warning(`comment-on-pr: could not comment on pull request #${pr.number}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
