// CLI entry (bundled to dist/cli.js): wavesync plan|sync|diff|delete.
import { runCli } from './cli/run.js';
import { capYoungGeneration } from './pipeline/young-generation.js';

capYoungGeneration();

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Not a user error (those return exit code 2 with file:line messages): show what broke.
    process.stderr.write(`wavesync: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
