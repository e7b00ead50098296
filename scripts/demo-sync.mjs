// npm run demo:sync: a real sync of examples/seeds on the local control plane (test/cluster).
// Starts the cluster when it is not running (the first start builds it from Go modules, ~12 min),
// syncs the example app into the namespace "seeds-demo", and leaves the cluster running
// (`npm run cluster:down` stops it).
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kubeconfig = execFileSync('bash', [path.join(ROOT, 'test/cluster/up.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop();
const revision = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || 'demo';
const args = ['dist/cli.js', 'sync', '--manifests', 'examples/seeds', '--app', 'seeds', '--namespace', 'seeds-demo', '--create-namespace',
  '--kubeconfig', kubeconfig, '--revision', revision, ...process.argv.slice(2)];
console.log(`$ node ${args.join(' ')}\n`);
const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
