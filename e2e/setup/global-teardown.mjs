// Jest globalTeardown: stop the cluster only if this run's globalSetup started
// it (a cluster started with `npm run cluster:up` is left running).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { clusterDir, stateDir } from './paths.mjs';

export default async function globalTeardown() {
  const state = globalThis.__WAVESYNC_E2E__;
  if (!state?.startedByUs) return;
  if (process.env.WAVESYNC_E2E_KEEP_CLUSTER === '1') {
    process.stderr.write(`[e2e] WAVESYNC_E2E_KEEP_CLUSTER=1: leaving cluster running (${state.kubeconfig})\n`);
    return;
  }
  execFileSync('bash', [path.join(clusterDir, 'down.sh')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WAVESYNC_CLUSTER_STATE: stateDir },
  });
}
