// --summary FILE: the job summary a GitHub Actions run would show, written to a local file, so a
// run outside Actions (the demo, another CI system) keeps the same record of what happened.
import { writeFileSync } from 'node:fs';
import type { Warning } from '../manifests/types.js';
import { formatProblem } from '../model/problems.js';
import type { ReporterFactory } from '../pipeline/options.js';
import { serverHost } from '../report/format.js';
import { buildSyncSummary } from '../report/summary.js';

export function summaryFileReporter(file: string, onError: (message: string) => void): ReporterFactory {
  return (bus, ctx) => {
    const warnings: Warning[] = [];
    const validationErrors: Warning[] = [];
    const off = bus.on((e) => {
      if (e.type === 'warning') warnings.push({ source: e.source ?? null, message: e.message });
      else if (e.type === 'validation-failed') validationErrors.push(...e.errors);
    });
    return {
      async finish(run) {
        off();
        const markdown = run.result
          ? buildSyncSummary({ result: run.result, plan: run.plan, warnings, validationErrors }, { serverHost: serverHost(ctx.server ?? run.result.server) })
          : refusedSummary(run.plan.app, run.problems.map(formatProblem));
        try {
          writeFileSync(file, markdown);
        } catch (err) {
          // Reporting never changes the outcome: say it and go on.
          onError(`could not write the summary to ${file}: ${(err as Error).message}`);
        }
      },
    };
  };
}

function refusedSummary(app: string, problems: string[]): string {
  const lines = problems.map((p) => `- \`${p.replace(/`/g, "'")}\``);
  return `## ❌ Failed: wavesync sync of \`${app}\`\n\nNothing was applied: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the input.\n\n${lines.join('\n')}\n`;
}
