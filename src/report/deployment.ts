// An optional GitHub deployment for the `environment` input, so the environment page shows what
// is deployed: created for the commit, in_progress while syncing, then success or failure.
import * as core from './runner.js';
import type { SyncOutcome } from '../sync/events.js';
import type { GitHubContext } from './github-context.js';
import type { Octokit } from './octokit.js';

export interface DeploymentOptions {
  environment: string;
  environmentUrl?: string;
  app: string;
  /** Revision of the manifests (may belong to another repository); kept in the payload. */
  revision: string | null;
}

export class DeploymentReporter {
  private id: number | null = null;

  constructor(
    private readonly octokit: Octokit,
    private readonly gh: GitHubContext,
    private readonly opts: DeploymentOptions,
  ) {}

  /**
   * Creates the deployment and marks it in_progress; a refusal is a warning, never a failure.
   * `revision` (known once the sync starts) wins over the one given at construction.
   */
  async start(revision: string | null = this.opts.revision): Promise<void> {
    try {
      const res = await this.octokit.rest.repos.createDeployment({
        owner: this.gh.owner,
        repo: this.gh.repo,
        ref: this.gh.sha,
        environment: this.opts.environment,
        auto_merge: false,
        required_contexts: [],
        task: 'deploy',
        description: `wavesync: ${this.opts.app}`.slice(0, 140),
        payload: { app: this.opts.app, revision },
      });
      const data = res.data as { id?: number };
      if (res.status !== 201 || typeof data.id !== 'number') {
        core.warning(`No deployment created for environment ${this.opts.environment} (HTTP ${res.status}).`);
        return;
      }
      this.id = data.id;
      await this.status('in_progress', 'Syncing');
    } catch (err) {
      core.warning(`No deployment created for environment ${this.opts.environment}: ${describe(err)}. Grant \`deployments: write\` to record deployments.`);
    }
  }

  async finish(outcome: SyncOutcome | null): Promise<void> {
    if (this.id == null) return;
    const state = outcome === 'Succeeded' ? 'success' : outcome === 'Cancelled' ? 'error' : 'failure';
    try {
      await this.status(state, outcome ?? 'Did not finish');
    } catch (err) {
      core.warning(`Could not update the deployment status: ${describe(err)}`);
    }
  }

  private async status(state: 'in_progress' | 'success' | 'failure' | 'error', description: string): Promise<void> {
    await this.octokit.rest.repos.createDeploymentStatus({
      owner: this.gh.owner,
      repo: this.gh.repo,
      deployment_id: this.id as number,
      state,
      description: `wavesync: ${description}`.slice(0, 140),
      ...(this.gh.runUrl ? { log_url: this.gh.runUrl } : {}),
      ...(this.opts.environmentUrl ? { environment_url: this.opts.environmentUrl } : {}),
      environment: this.opts.environment,
    });
  }
}

export function describe(err: unknown): string {
  const e = err as { status?: number; message?: string };
  return e?.status ? `HTTP ${e.status}: ${e.message ?? ''}`.trim() : String(e?.message ?? err);
}
