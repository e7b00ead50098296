// `npm run demo` as a newcomer runs it, against the shared local control plane: it must reuse the
// running cluster, sync examples/release-flow, fail the broken revision in PreSync with SyncFail,
// write both summaries (Markdown and HTML), and run again on the same namespace (a re-run).
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { appsApi, batchApi, deleteNamespace, kubeconfigPath, uniqueName } from '../setup/cluster.js';
import { REPO } from '../sync/harness.js';

const namespace = uniqueName('e2e-demo');
const out = path.join(REPO, 'demo-output', `e2e-${process.pid}`);

function runDemo() {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/demo.mjs')], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 100_000,
    env: {
      ...process.env,
      // The shared cluster's state directory: up.sh reuses the running cluster there.
      WAVESYNC_CLUSTER_STATE: path.dirname(kubeconfigPath()),
      // Registered as this e2e run, so up.sh does not mark an e2e-started cluster as manual.
      WAVESYNC_E2E_USER: String(process.pid),
      WAVESYNC_DEMO_NAMESPACE: namespace,
      WAVESYNC_DEMO_OUT: out,
    },
  });
  return { ...r, tookMs: Date.now() - t0 };
}

afterAll(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  if (process.env.WAVESYNC_E2E_KEEP_NAMESPACES !== '1') await deleteNamespace(namespace);
});

describe('npm run demo', () => {
  test('reuses the cluster, syncs release-flow, fails the broken revision with SyncFail, writes the summaries; a re-run works', async () => {
    for (const round of [1, 2]) {
      const r = runDemo();
      const output = r.stdout + r.stderr;
      expect({ round, code: r.status, tail: output.slice(-1500) }).toEqual({ round, code: 0, tail: expect.anything() });
      expect(output).toContain('reusing running cluster');
      expect(output).toContain(`cluster reused in`);
      expect(output).toContain('The demo ran as intended: release-1 Succeeded, release-2 Failed in PreSync and ran its SyncFail hook.');
      expect(output).toContain(`kubectl --kubeconfig ${kubeconfigPath()} -n ${namespace} get deploy,pods,jobs,svc,cm`);
      expect(output).toContain('npm run cluster:down');
      // The hook logs are streamed, prefixed with the hook's name.
      expect(output).toContain('db-migrate | 005 rename column orders.total: ERROR');
      expect(output).toContain('notify-failure | release-flow sync failed');
      expect(r.tookMs).toBeLessThan(60_000);
    }

    const good = fs.readFileSync(path.join(out, 'release-1.summary.md'), 'utf8');
    expect(good).toMatch(/^## ✅ Succeeded: wavesync sync of `release-flow` at `release-1`/);
    expect(good).toContain('```mermaid');
    const bad = fs.readFileSync(path.join(out, 'release-2.summary.md'), 'utf8');
    expect(bad).toMatch(/^## ❌ Failed: wavesync sync of `release-flow` at `release-2`/);
    expect(bad).toContain('release-flow-broken/01-db-migrate.yaml:3');
    expect(bad).toContain('notify-failure');
    const html = fs.readFileSync(path.join(out, 'release-2.summary.html'), 'utf8');
    expect(html).toContain('<table>');
    expect(html).toContain('<pre class="mermaid">');
    expect(html).not.toContain('```');

    // What the demo left on the cluster: release-1's app (the broken revision changed nothing of
    // it), the failed migration kept for inspection, the SyncFail hook completed.
    const deploy = await appsApi().readNamespacedDeployment({ name: 'release-flow', namespace });
    expect(deploy.status?.availableReplicas).toBe(3);
    const migrate = await batchApi().readNamespacedJob({ name: 'db-migrate', namespace });
    expect(migrate.status?.failed).toBe(1);
    expect(migrate.metadata?.annotations?.['argocd.argoproj.io/sync-wave']).toBe('-1');
    const notify = await batchApi().readNamespacedJob({ name: 'notify-failure', namespace });
    expect(notify.status?.succeeded).toBe(1);
  }, 200_000);
});
