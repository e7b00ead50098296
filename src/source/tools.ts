// External programs the source step runs (git, kustomize, kubectl, helm): found on the PATH the
// run was given, run quietly through @actions/exec, their output captured for the caller.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';

export type Env = Record<string, string | undefined>;

export interface ToolOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** The absolute path of an executable named `name` on env.PATH, or null. */
export function findTool(name: string, env: Env): string | null {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Runs a tool to completion; a non-zero exit is returned, not thrown. */
export async function runTool(bin: string, args: string[], opts: { cwd?: string; env: Env; extraEnv?: Record<string, string> }): Promise<ToolOutput> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, opts.extraEnv ?? {});
  const out = await getExecOutput(bin, args, { cwd: opts.cwd, env, silent: true, ignoreReturnCode: true });
  return { code: out.exitCode, stdout: out.stdout, stderr: out.stderr };
}

/** The last lines of a tool's stderr, for an error message (tools print the cause last). */
export function stderrTail(stderr: string, lines = 12): string {
  const kept = stderr
    .trim()
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return kept.slice(-lines).join('\n');
}
