// wavesync history: the app's syncs, newest first (release, revision, time, result, counts, duration).
import { formatProblem } from '../model/problems.js';
import type { HistoryEntry } from '../cluster/history/history.js';
import { runHistoryPipeline } from '../pipeline/history.js';
import { describeFlags, type FlagSpecs } from './args.js';
import { parseCommandArgs, resolveApp } from './command-input.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './io.js';

const FLAGS: FlagSpecs = {
  app: { type: 'string', valueName: 'NAME', description: 'app (default: the repository directory name)' },
  namespace: { type: 'string', valueName: 'NS', description: "the app's namespace (default: default)" },
  kubeconfig: { type: 'string', valueName: 'FILE', description: 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)' },
  context: { type: 'string', valueName: 'NAME', description: "kubeconfig context (default: the file's current context)" },
  output: { type: 'string', choices: ['text', 'json'], description: 'output format (default: text)' },
};

export const HISTORY_USAGE = `Usage: wavesync history --app NAME [--namespace NS] [--kubeconfig FILE] [--context NAME] [--output text|json]

Lists the app's recorded syncs, newest first. "stored" releases can be synced again with
wavesync rollback --to vN.
Exit codes: 0 listed, 1 the cluster could not be read, 2 invalid input.

${describeFlags(FLAGS)}
`;

export function historyText(app: string, entries: HistoryEntry[]): string {
  if (entries.length === 0) return `app ${app} has no recorded sync\n`;
  const rows = entries.map((e) => [
    `v${e.number}`,
    (e.revision ?? '-').slice(0, 12),
    e.startedAt.replace(/\.\d+Z$/, 'Z'),
    e.result + (e.reason ? ` (${e.reason})` : ''),
    `${e.counts.tasks} task(s)${e.counts.pruned ? `, ${e.counts.pruned} pruned` : ''}${e.counts.failed ? `, ${e.counts.failed} failed` : ''}`,
    `${(e.durationMs / 1000).toFixed(1)}s`,
    e.stored ? 'stored' : '-',
    e.source,
  ]);
  const head = ['RELEASE', 'REVISION', 'STARTED', 'RESULT', 'COUNTS', 'TOOK', 'ROLLBACK', 'SOURCE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return (
    [head, ...rows]
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

async function runHistory(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('history', argv, FLAGS, HISTORY_USAGE, io, () => {}, false);
  if (typeof args === 'number') return args;
  const where = resolveApp('history', args, io);
  if (typeof where === 'number') return where;
  const { entries, problems } = await runHistoryPipeline({
    app: where.app,
    namespace: args.strings.namespace?.[0] ?? 'default',
    cluster: { path: args.strings.kubeconfig?.[0], context: args.strings.context?.[0], env: io.env, label: 'wavesync history' },
  });
  if (problems.length) {
    io.stderr(problems.map((p) => formatProblem(p) + '\n').join(''));
    return problems.some((p) => p.message.includes('could not be read')) ? EXIT_FAILED : EXIT_USAGE;
  }
  io.stdout(args.strings.output?.[0] === 'json' ? JSON.stringify({ app: where.app, releases: entries }, null, 2) + '\n' : historyText(where.app, entries));
  return EXIT_OK;
}

export const historyCommand: Command = { name: 'history', summary: "list the app's syncs and stored releases", run: runHistory };
