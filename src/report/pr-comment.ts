// One pull-request comment per app, kept up to date: found by a hidden marker in its body and
// edited, never posted twice.
import { readFileSync } from 'node:fs';
import type { Octokit } from './octokit.js';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** The pull request of a pull_request / pull_request_target event; null for other events. */
export function pullRequestOf(env: Record<string, string | undefined>): PullRequestRef | null {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!(env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request') || !env.GITHUB_EVENT_PATH || !owner || !repo) return null;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown }; number?: unknown };
    const n = payload.pull_request?.number ?? payload.number;
    return typeof n === 'number' ? { owner, repo, number: n } : null;
  } catch {
    return null;
  }
}

/** Creates the comment, or edits the one holding the marker. */
export async function upsertComment(
  octokit: Octokit,
  pr: PullRequestRef,
  marker: string,
  body: string,
): Promise<{ action: 'created' | 'updated'; id: number; url: string }> {
  const text = `${marker}\n${body}`;
  // The route, not octokit.rest.issues.listComments: the client loads lazily (octokit.ts).
  const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  const mine = comments.find((c) => (c.body ?? '').includes(marker));
  if (mine) {
    const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: mine.id, body: text });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: text });
  return { action: 'created', id: data.id, url: data.html_url };
}
