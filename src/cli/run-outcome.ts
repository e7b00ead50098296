// How a run that changes the cluster (sync, delete, rollback) ends on the command line: refused
// inputs on stderr, the result as JSON on stdout when asked, and the exit code.
import { formatProblem, type Problem } from '../model/problems.js';
import { serverHost } from '../report/format.js';
import { syncResultToJson } from '../report/result-json.js';
import type { SyncResult } from '../sync/events.js';
import { EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

export function runOutcome(io: CliIo, json: boolean, run: { problems: Problem[]; result: SyncResult | null }): number {
  const { problems, result } = run;
  if (problems.length > 0 || !result) {
    io.stderr(problems.map((e) => formatProblem(e) + '\n').join(''));
    return EXIT_USAGE;
  }
  if (json) io.stdout(JSON.stringify(syncResultToJson(result, serverHost(result.server)), null, 2) + '\n');
  if (result.result === 'Succeeded') return EXIT_OK;
  if (result.result === 'Cancelled') return EXIT_CANCELLED;
  return result.reason === 'Validation' ? EXIT_USAGE : EXIT_FAILED;
}
