// The check run: created in_progress when the sync starts, updated at most every few seconds as
// steps progress, completed with the conclusion and the annotations (50 per request).
import * as core from './runner.js';
import type { EventBus, SyncEvent } from '../sync/events.js';
import { inBatches, toCheckRunAnnotation, withPath, type Annotation } from './annotations.js';
import type { Conclusion } from './check-run-content.js';
import { describe } from './deployment.js';
import { clip } from './format.js';
import type { GitHubContext } from './github-context.js';
import type { Octokit } from './octokit.js';
import { ProgressTracker } from './progress.js';

/** GitHub's limit on a check run's summary and text. */
export const CHECK_TEXT_LIMIT = 65535;
export const DEFAULT_THROTTLE_MS = 3000;

export interface CheckRunOptions {
  name: string;
  throttleMs?: number;
}

export interface FinalOutput {
  conclusion: Conclusion;
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}

/** Why there is no check run: a refusal (403, or 404 on a fork), another error, or no token. */
export interface NoCheckRun {
  status: number | null;
  message: string;
  /** true when the token lacks the permission (fix: checks: write). */
  permission: boolean;
}

export interface CheckRunOutcome {
  id: number | null;
  url: string | null;
  missing: NoCheckRun | null;
}

export class CheckRunReporter {
  readonly progress = new ProgressTracker();
  private id: number | null = null;
  private url: string | null = null;
  private missing: NoCheckRun | null = null;
  private started = false;
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastSent = 0;
  private dirty = false;
  private readonly throttleMs: number;

  constructor(
    private readonly octokit: Octokit | null,
    private readonly gh: GitHubContext,
    private readonly opts: CheckRunOptions,
  ) {
    this.throttleMs = opts.throttleMs ?? DEFAULT_THROTTLE_MS;
    if (!octokit) this.missing = { status: null, message: 'no GitHub token was given', permission: true };
    else if (!gh.owner || !gh.repo || !gh.sha) {
      this.missing = { status: null, message: 'not running in GitHub Actions (GITHUB_REPOSITORY or GITHUB_SHA is not set)', permission: false };
    }
  }

  attach(bus: EventBus): () => void {
    return bus.on((e) => this.handle(e));
  }

  handle(e: SyncEvent): void {
    this.progress.apply(e);
    if (e.type === 'sync-started') this.start();
    else if (e.type === 'step-started' || e.type === 'step-finished' || e.type === 'task-finished') {
      this.dirty = true;
      this.schedule();
    }
  }

  /** Creates the check run in_progress (once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.lastSent = Date.now();
    this.enqueue(() => this.create());
  }

  /** Sends the last updates and completes the check run. Never throws. */
  async finish(final: FinalOutput): Promise<CheckRunOutcome> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.start();
    await this.chain;
    if (this.id != null) {
      try {
        await this.complete(final);
      } catch (err) {
        core.warning(`Could not complete the check run: ${describe(err)}`);
      }
    }
    return { id: this.id, url: this.url, missing: this.missing };
  }

  private async create(): Promise<void> {
    if (this.missing || !this.octokit) return;
    try {
      const res = await this.octokit.rest.checks.create({
        owner: this.gh.owner,
        repo: this.gh.repo,
        name: this.opts.name,
        head_sha: this.gh.sha,
        status: 'in_progress',
        started_at: new Date().toISOString(),
        ...(this.gh.runUrl ? { details_url: this.gh.runUrl } : {}),
        output: { title: this.progress.title(), summary: this.progressSummary() },
      });
      this.id = res.data.id;
      this.url = res.data.html_url ?? null;
      this.lastSent = Date.now();
    } catch (err) {
      const status = (err as { status?: number }).status ?? null;
      // 404 is what a fork's read-only token gets for a repository it may not write to.
      const permission = status === 403 || status === 404;
      this.missing = { status, message: describe(err), permission };
      if (!permission) core.warning(`Could not create the check run: ${describe(err)}`);
    }
  }

  private schedule(): void {
    if (this.timer || this.missing) return;
    const wait = Math.max(0, this.lastSent + this.throttleMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastSent = Date.now();
      this.enqueue(() => this.update());
    }, wait);
    this.timer.unref?.();
  }

  private async update(): Promise<void> {
    if (this.id == null || !this.dirty || !this.octokit) return;
    this.dirty = false;
    try {
      await this.octokit.rest.checks.update({
        owner: this.gh.owner,
        repo: this.gh.repo,
        check_run_id: this.id,
        status: 'in_progress',
        output: { title: this.progress.title(), summary: this.progressSummary() },
      });
    } catch (err) {
      core.debug(`check run update failed: ${describe(err)}`);
    }
  }

  // Annotations are appended by each update: send all but the last batch while in progress, then
  // complete with the last one, so the check is never shown finished with annotations missing.
  private async complete(final: FinalOutput): Promise<void> {
    const octokit = this.octokit as Octokit;
    const base = { owner: this.gh.owner, repo: this.gh.repo, check_run_id: this.id as number };
    const output = {
      title: clip(final.title, 255),
      summary: clip(final.summary, CHECK_TEXT_LIMIT),
      ...(final.text ? { text: clip(final.text, CHECK_TEXT_LIMIT) } : {}),
    };
    const batches = inBatches(withPath(final.annotations).map(toCheckRunAnnotation));
    const last = batches.pop() ?? [];
    for (const batch of batches) {
      await octokit.rest.checks.update({ ...base, output: { ...output, annotations: batch } });
    }
    await octokit.rest.checks.update({
      ...base,
      status: 'completed',
      conclusion: final.conclusion,
      completed_at: new Date().toISOString(),
      output: { ...output, ...(last.length ? { annotations: last } : {}) },
    });
  }

  private progressSummary(): string {
    return clip(this.progress.table(Date.now()), CHECK_TEXT_LIMIT);
  }

  private enqueue(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch((err) => core.debug(`check run: ${describe(err)}`));
  }
}
