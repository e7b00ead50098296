// Where the report goes: repository, commit and run, from the variables GitHub sets for a step.
import { readFileSync } from 'node:fs';

export interface GitHubContext {
  owner: string;
  repo: string;
  /** The commit the check run is attached to: a pull request's head, else GITHUB_SHA. */
  sha: string;
  eventName: string;
  runId: string;
  serverUrl: string;
  apiUrl: string;
  /** The workflow run's page: the check run's details_url. */
  runUrl: string;
}

type Env = Record<string, string | undefined>;

export function readGitHubContext(env: Env = process.env): GitHubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  const apiUrl = trimSlash(env.GITHUB_API_URL || 'https://api.github.com');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const runId = env.GITHUB_RUN_ID ?? '';
  const sha = pullRequestHeadSha(eventName, env.GITHUB_EVENT_PATH) ?? env.GITHUB_SHA ?? '';
  const runUrl = owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '';
  return { owner, repo, sha, eventName, runId, serverUrl, apiUrl, runUrl };
}

// On pull_request events GITHUB_SHA is the merge commit, which a reader never sees; the check
// belongs on the head commit of the pull request.
function pullRequestHeadSha(eventName: string, eventPath: string | undefined): string | null {
  if (!eventName.startsWith('pull_request') || !eventPath) return null;
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } };
    const sha = payload.pull_request?.head?.sha;
    return typeof sha === 'string' && sha ? sha : null;
  } catch {
    return null;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A link to a manifest line at the commit, for summaries. null without a repository. */
export function blobUrl(ctx: GitHubContext | null, file: string, line: number): string | null {
  if (!ctx || !ctx.owner || !ctx.repo || !ctx.sha) return null;
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${ctx.sha}/${path}#L${line}`;
}
