// Runs the CLI in-process with captured output.
import { runCli } from '../../src/cli/run.js';
import type { Command } from '../../src/cli/io.js';

export async function cli(argv: string[], commands?: Command[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd(), env: {} }, commands);
  return { code, stdout, stderr };
}
