// npm run demo:plan: the offline part of the demo, the ordered plan of examples/release-flow
// (no cluster needed). `npm run demo` falls back to it when it cannot start the local cluster.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = ['dist/cli.js', 'plan', '--manifests', 'examples/release-flow', '--app', 'release-flow', '--namespace', 'wavesync-demo', ...process.argv.slice(2)];
console.log(`$ node ${args.join(' ')}\n`);
const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
