// With WAVESYNC_WRITE_DOCS=1 the e2e run keeps what users get under docs/: the job summary, the
// check-run requests GitHub received and the step's outputs. Real runs differ in times and names,
// so the files are rewritten on request only, never compared.
import fs from 'node:fs';
import path from 'node:path';
import type { FakeGitHub } from '../../test/github/fake-server.js';
import { REPO } from '../sync/harness.js';
import { visibleStdout } from './secrets.js';
import type { StepRun } from './step.js';

const DOCS = path.join(REPO, 'docs');

export function writeDocSamples(name: 'succeeded' | 'failed' | 'fork', run: StepRun, github: FakeGitHub): void {
  if (process.env.WAVESYNC_WRITE_DOCS !== '1') return;
  // The request log, as a reader would want to see it: what was sent where, with GitHub's answer.
  const requests = github.requests.map((r) => ({ request: `${r.method} ${r.path}`, operation: r.operationId, status: r.status, body: r.body ?? null }));
  const write = (file: string, text: string) => fs.writeFileSync(path.join(DOCS, file), text.endsWith('\n') ? text : `${text}\n`);
  write(`sample-job-summary-${name}.md`, run.summary);
  write(`sample-check-run-${name}.json`, JSON.stringify(requests, null, 2));
  write(`sample-outputs-${name}.json`, JSON.stringify(run.outputs, null, 2));
  write(`sample-step-log-${name}.txt`, visibleStdout(run.stdout));
}
