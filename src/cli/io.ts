// What a command may touch: its output streams and where it runs. Tests pass their own.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  /** Returns the exit code: 0 succeeded, 1 sync failed, 2 invalid input or usage, 130 cancelled. */
  run(argv: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;
