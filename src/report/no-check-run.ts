// The job summary's note when no check run could be made: why, and which permission to grant.
import type { NoCheckRun } from './check-run.js';

export function noCheckRunNote(missing: NoCheckRun): string {
  // The message may already start with the status (describe() puts it there): say it once.
  const detail = missing.message.replace(/^HTTP \d+:\s*/, '');
  const why = missing.status ? `GitHub answered HTTP ${missing.status} (${detail})` : missing.message;
  const lines = [
    '> [!NOTE]',
    `> **No check run was created:** ${why}. The annotations are on this step instead.`,
  ];
  if (missing.permission) {
    lines.push(
      '> A workflow token needs the `checks: write` permission to create a check run. Grant it in the workflow (or the job):',
      '>',
      '> ```yaml',
      '> permissions:',
      '>   contents: read',
      '>   checks: write',
      '>   deployments: write # only with the environment input',
      '> ```',
      '>',
      "> On a pull request from a fork the token is read-only whatever the workflow asks, so there is no check run there; the step's result is the same.",
    );
  }
  return lines.join('\n');
}
