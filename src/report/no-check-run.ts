// The job summary's note when no check run could be made: why, and which permission to grant.
import { readFileSync } from 'node:fs';
import type { NoCheckRun } from './check-run.js';

export interface NoCheckRunContext {
  /** The run is for a pull request from a fork: its token is read-only, whatever is granted. */
  fork?: boolean;
}

export function noCheckRunNote(missing: NoCheckRun, ctx: NoCheckRunContext = {}): string {
  // The message may already start with the status (describe() puts it there): say it once.
  const detail = missing.message.replace(/^HTTP \d+:\s*/, '');
  const why = missing.status ? `GitHub answered HTTP ${missing.status} (${detail})` : missing.message;
  const lines = ['> [!NOTE]', `> **No check run was created:** ${why}. The annotations are on this step instead.`];
  if (!missing.permission) return lines.join('\n');
  if (ctx.fork) {
    // Granting more does not help here: say so first, so nobody edits the workflow in vain.
    lines.push(
      "> This pull request comes from a fork, and GitHub gives a fork's workflow a read-only token whatever the workflow asks, so this is expected; the step's result is the same.",
      '> Pull requests from branches of this repository, and pushes, get a check run when the workflow (or the job) grants:',
    );
  } else {
    lines.push('> A workflow token needs the `checks: write` permission to create a check run. Grant it in the workflow (or the job):');
  }
  lines.push(
    '>',
    '> ```yaml',
    '> permissions:',
    '>   contents: read',
    '>   checks: write',
    '>   deployments: write # only with the environment input',
    '> ```',
  );
  if (!ctx.fork) {
    lines.push(
      '>',
      "> On a pull request from a fork the token is read-only whatever the workflow asks, so there is no check run there; the step's result is the same.",
    );
  }
  return lines.join('\n');
}

/** Whether the step runs for a pull request whose head is in another repository (a fork). */
export function isForkPullRequest(env: Record<string, string | undefined>): boolean {
  if (!(env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request') || !env.GITHUB_EVENT_PATH) return false;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { head?: { repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } };
    };
    const pr = payload.pull_request;
    if (!pr) return false;
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name;
    // A deleted fork leaves head.repo null; it was a fork all the same.
    return pr.head?.repo === null || (typeof head === 'string' && typeof base === 'string' && head !== base);
  } catch {
    return false;
  }
}
