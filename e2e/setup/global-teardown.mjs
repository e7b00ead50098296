// Jest globalTeardown: release this run's claim on the cluster. down.sh
// --e2e-release stops it only if an e2e run started it and no other live e2e
// run still uses it; a cluster from `npm run cluster:up` is always left running.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { clusterDir, stateDir } from './paths.mjs';

export default async function globalTeardown() {
  const state = globalThis.__WAVESYNC_E2E__;
  if (!state?.managed) return;
  if (process.env.WAVESYNC_E2E_KEEP_CLUSTER === '1') {
    process.stderr.write(`[e2e] WAVESYNC_E2E_KEEP_CLUSTER=1: leaving cluster running (${state.kubeconfig})\n`);
    return;
  }
  execFileSync('bash', [path.join(clusterDir, 'down.sh'), '--e2e-release', String(process.pid)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WAVESYNC_CLUSTER_STATE: stateDir },
  });
}
