// examples/fleet: one app to two clusters, as the workflow's matrix does it: the action once per
// cluster, each with its own kubeconfig and check-name. The second cluster is a second local
// control plane started beside the shared one, with its own state directory, stopped afterwards.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { kubeconfigPath, uniqueName } from '../setup/cluster.js';
import { pushEvent, runStep } from '../action/step.js';
import { REPO } from '../sync/harness.js';

const TOKEN = 'ghs_fleetToken0123456789abcdef';
const secondState = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-fleet-'));
let secondKubeconfig = '';
const namespace = uniqueName('ex-fleet');

const cluster = (env: Record<string, string>, script: string, ...args: string[]) =>
  execFileSync('bash', [path.join(REPO, 'test/cluster', script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, WAVESYNC_CLUSTER_STATE: path.join(secondState, 'state'), ...env },
    timeout: 180_000,
  });

beforeAll(() => {
  const t0 = Date.now();
  secondKubeconfig = cluster({}, 'up.sh').trim().split('\n').pop() as string;
  process.stderr.write(`[e2e] second control plane up in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
}, 200_000);

afterAll(async () => {
  cluster({}, 'down.sh');
  fs.rmSync(secondState, { recursive: true, force: true });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfigPath());
  await kc
    .makeApiClient(k8s.CoreV1Api)
    .deleteNamespace({ name: namespace })
    .catch(() => undefined);
}, 60_000);

function deployment(kubeconfigFile: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfigFile);
  return kc.makeApiClient(k8s.AppsV1Api).readNamespacedDeployment({ name: 'edge-agent', namespace });
}

describe('examples/fleet', () => {
  test('the app on two clusters side by side, one check run per cluster named by check-name', async () => {
    expect(secondKubeconfig).not.toBe(kubeconfigPath());
    const github = await new FakeGitHub().start();
    try {
      const matrix = [
        { cluster: 'one', kubeconfig: kubeconfigPath() },
        { cluster: 'two', kubeconfig: secondKubeconfig },
      ];
      // As the matrix does: the jobs run at the same time.
      const runs = await Promise.all(
        matrix.map((m) =>
          runStep({
            workspace: REPO,
            apiUrl: github.url,
            event: pushEvent(),
            inputs: {
              manifests: 'examples/fleet/k8s',
              app: 'edge-agent',
              namespace,
              'create-namespace': 'true',
              kubeconfig: fs.readFileSync(m.kubeconfig, 'utf8'),
              'check-name': `fleet / ${m.cluster}`,
              token: TOKEN,
              timeout: '90s',
            },
          }),
        ),
      );
      for (const r of runs) expect({ code: r.code, result: r.outputs.result, stderr: r.stderr }).toEqual({ code: 0, result: 'Succeeded', stderr: '' });
      // Each summary names its own cluster.
      const hosts = runs.map((r) => JSON.parse(r.outputs.summary).server);
      expect(new Set(hosts).size).toBe(2);

      const checks = [...github.checkRuns.values()]
        .map((c) => ({ name: c.name, status: c.status, conclusion: c.conclusion }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(checks).toEqual([
        { name: 'fleet / one', status: 'completed', conclusion: 'success' },
        { name: 'fleet / two', status: 'completed', conclusion: 'success' },
      ]);

      for (const m of matrix) expect((await deployment(m.kubeconfig)).status?.availableReplicas).toBe(2);
    } finally {
      await github.stop();
    }
  }, 200_000);
});
