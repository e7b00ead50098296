// Jest globalSetup: make sure the local control plane is running and export
// its kubeconfig to the test workers.
//
// - WAVESYNC_E2E_KUBECONFIG=<path>: use that cluster, start/stop nothing.
// - otherwise run test/cluster/up.sh, which reuses a running cluster (well
//   under a second) or builds/starts one, and registers this run (pid) as a
//   user of it. globalTeardown stops the cluster only if an e2e run started it
//   (not `npm run cluster:up`) and no other e2e run still uses it: a single run
//   stops exactly what it started, and concurrent runs in the same checkout
//   don't pull the cluster from under each other.
// - WAVESYNC_E2E_KEEP_CLUSTER=1: never stop the cluster in teardown.
//
// process.env set here is inherited by the jest workers (they are spawned after
// globalSetup) and is visible in-band (--runInBand).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterDir, stateDir } from './paths.mjs';

export default async function globalSetup() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    // @kubernetes/client-node 2.x bundles an undici that needs zlib zstd (Node >= 22.15).
    throw new Error(`e2e tests need Node >= 22 (running ${process.version}); use \`npm run test:e2e\` or put node_modules/.bin first in PATH`);
  }
  let kubeconfig = process.env.WAVESYNC_E2E_KUBECONFIG;
  let managed = false;
  let startedByUs = false;
  if (!kubeconfig) {
    managed = true;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-up-'));
    const statusFile = path.join(tmp, 'status');
    const t0 = Date.now();
    const out = execFileSync('bash', [path.join(clusterDir, 'up.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        WAVESYNC_CLUSTER_STATE: stateDir,
        UP_STATUS_FILE: statusFile,
        WAVESYNC_E2E_USER: String(process.pid),
      },
      timeout: 60 * 60 * 1000, // a cold cache includes a ~12 min Go build
    });
    kubeconfig = out.trim().split('\n').pop();
    const status = fs.existsSync(statusFile) ? fs.readFileSync(statusFile, 'utf8').trim() : 'unknown';
    fs.rmSync(tmp, { recursive: true, force: true });
    startedByUs = status === 'started';
    process.stderr.write(`[e2e] cluster ${status} in ${((Date.now() - t0) / 1000).toFixed(1)}s; KUBECONFIG=${kubeconfig}\n`);
  }
  if (!kubeconfig || !fs.existsSync(kubeconfig)) {
    throw new Error(`e2e globalSetup: kubeconfig not found at ${kubeconfig}`);
  }
  process.env.KUBECONFIG = kubeconfig;
  process.env.WAVESYNC_E2E_KUBECONFIG = kubeconfig;
  // Read by globalTeardown (same process).
  globalThis.__WAVESYNC_E2E__ = { managed, startedByUs, kubeconfig };
}
