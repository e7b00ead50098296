// npm run demo: the main job on the example app. For now it prints the ordered plan of
// examples/seeds (no cluster needed).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = ['dist/cli.js', 'plan', '--manifests', 'examples/seeds', '--app', 'seeds', '--namespace', 'seeds', ...process.argv.slice(2)];
console.log(`$ node ${args.join(' ')}\n`);
const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
