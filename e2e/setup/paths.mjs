// Paths shared by the jest global setup/teardown (plain ESM, no transform).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const clusterDir = path.join(repoRoot, 'test/cluster');
export const stateDir = process.env.WAVESYNC_CLUSTER_STATE ?? path.join(clusterDir, '.state');
export const defaultKubeconfig = path.join(stateDir, 'kubeconfig');
