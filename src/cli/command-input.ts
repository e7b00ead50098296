// What every manifest command does first: parse its flags (printing usage on --help or a mistake)
// and settle the repository root and the app name.
import path from 'node:path';
import { DURATION_ACCEPTED, parseDuration } from '../model/duration.js';
import { appNameProblem, defaultAppName } from '../plan/app-name.js';
import { parseArgs, UsageError, type FlagSpecs, type ParsedArgs } from './args.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { findRepoRoot } from './repo-root.js';

/**
 * The parsed flags, or the exit code to return at once (--help, usage mistakes). `check` may throw
 * UsageError for rules beyond the flag specs.
 */
export function parseCommandArgs(
  command: string,
  argv: string[],
  flags: FlagSpecs,
  usage: string,
  io: CliIo,
  check: (args: ParsedArgs) => void = () => {},
  requireManifests = true,
): ParsedArgs | number {
  try {
    const args = parseArgs(argv, flags);
    if (args.help) {
      io.stdout(usage);
      return EXIT_OK;
    }
    if (requireManifests && !args.strings.manifests?.length) throw new UsageError('--manifests is required');
    check(args);
    return args;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`wavesync ${command}: ${err.message}\n\n${usage}`);
    return EXIT_USAGE;
  }
}

/** Repository root (sources are relative to it) and app name (--app, else the root's name). */
export function resolveApp(command: string, args: ParsedArgs, io: CliIo): { root: string; app: string } | number {
  const root = findRepoRoot(io.cwd);
  // With --repository the manifests are that repository's: its name is the default app name.
  const repository = args.strings.repository?.[0]?.replace(/\/+$/, '').replace(/\.git$/, '');
  const app = args.strings.app?.[0] ?? defaultAppName(repository ? path.basename(repository) : path.basename(root));
  const problem = appNameProblem(app);
  if (!problem) return { root, app };
  io.stderr(`wavesync ${command}: --app: ${problem}\n`);
  return EXIT_USAGE;
}

/** A duration flag (`--timeout 10m`) in milliseconds; a value that is not a duration is a usage error. */
export function durationFlag(args: Record<string, string[]>, name: string, fallback: string): number {
  const raw = args[name]?.[0] ?? fallback;
  const seconds = parseDuration(raw);
  if (seconds === null) throw new UsageError(`--${name}: "${raw}" is not a duration; ${DURATION_ACCEPTED}`);
  return Math.round(seconds * 1000);
}
