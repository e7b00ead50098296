// Who holds an app's lock, as a person reading `kubectl get lease` would want to find the run:
// the workflow run's URL in Actions, user@host and PID for the CLI.
import os from 'node:os';

type Env = Record<string, string | undefined>;

export function actionHolder(env: Env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  if (env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
  }
  return cliHolder();
}

export function cliHolder(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): keep "unknown"
  }
  return `${user}@${os.hostname()} pid ${process.pid}`;
}
