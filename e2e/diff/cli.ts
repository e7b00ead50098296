// Runs the CLI in-process against the local control plane, as a user would (exit code, stdout,
// stderr), for the diff tests.
import { runCli } from '../../src/cli/run.js';
import { kubeconfigPath } from '../setup/cluster.js';

export async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--kubeconfig', kubeconfigPath()], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    env: { ...process.env, CI: '1' },
  });
  return { code, stdout, stderr };
}
