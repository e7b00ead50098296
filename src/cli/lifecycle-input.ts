// What delete and rollback do first: their flags (no --manifests required), the two durations they
// share, the app, and the plain-line view of the run (on stderr when stdout carries the JSON result).
import type { FlagSpecs, ParsedArgs } from './args.js';
import { durationFlag, parseCommandArgs, resolveApp } from './command-input.js';
import type { CliIo } from './io.js';
import { SyncView } from './sync-view.js';

export interface LifecycleInput {
  args: ParsedArgs;
  where: { root: string; app: string };
  timeoutMs: number;
  lockTimeoutMs: number;
  json: boolean;
  view: SyncView;
}

/** The parsed input, or the exit code to return at once (--help, usage mistakes, a bad app name). */
export function lifecycleInput(command: string, argv: string[], flags: FlagSpecs, usage: string, io: CliIo): LifecycleInput | number {
  let timeoutMs = 0;
  let lockTimeoutMs = 0;
  const args = parseCommandArgs(
    command,
    argv,
    flags,
    usage,
    io,
    (a) => {
      timeoutMs = durationFlag(a.strings, 'timeout', '10m');
      lockTimeoutMs = durationFlag(a.strings, 'lock-timeout', '5m');
    },
    false,
  );
  if (typeof args === 'number') return args;
  const where = resolveApp(command, args, io);
  if (typeof where === 'number') return where;
  const json = args.strings.output?.[0] === 'json';
  return { args, where, timeoutMs, lockTimeoutMs, json, view: new SyncView(json ? io.stderr : io.stdout, false) };
}
