// A real kube-apiserver restart in the middle of a sync (issue 14), on a PRIVATE control plane
// (test/cluster/up.sh with its own state dir and ports; the shared one is never restarted): the
// server is SIGKILLed at a seeded moment of the sync and started again with the same flags
// (test/cluster/restart-apiserver.sh). Each sync must end Succeeded and equal to the manifests, or
// Failed naming the cause; no hook Job may be created twice. Soak only (`npm run soak`, or
// WAVESYNC_RESTART=1): starting a second control plane costs about a minute on a 2-core machine.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HookLedger } from './checks.js';
import { seeded } from './proxy.js';
import { syncOnce, type SyncOutcome } from './run-sync.js';
import { REPO } from '../sync/harness.js';

const ENABLED = process.env.WAVESYNC_SOAK === '1' || process.env.WAVESYNC_RESTART === '1';
const SYNCS = Number(process.env.WAVESYNC_RESTART_SYNCS ?? 3);
const SEED = Number(process.env.WAVESYNC_FAULT_SEED ?? Date.now() % 1e9);
const STATE = path.join(REPO, '.tmp', 'restart-cluster');
const env = { ...process.env, WAVESYNC_CLUSTER_STATE: STATE };

(ENABLED ? describe : describe.skip)('a real kube-apiserver restart mid-sync (private control plane)', () => {
  const previous = process.env.WAVESYNC_E2E_KUBECONFIG;
  let kubeconfig = '';
  let namespace = '';
  let ledger: HookLedger;
  const random = seeded(SEED);
  const lines: string[] = [];

  beforeAll(async () => {
    kubeconfig = execFileSync('bash', [path.join(REPO, 'test/cluster/up.sh')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
    // Every helper below (namespace, checks, the hook ledger) reads this cluster, not the shared one.
    process.env.WAVESYNC_E2E_KUBECONFIG = kubeconfig;
    const { createNamespace } = await import('../setup/cluster.js');
    namespace = await createNamespace('restart');
    ledger = new HookLedger(namespace);
    await ledger.start();
  }, 300_000);

  afterAll(() => {
    ledger?.stop();
    spawnSync('bash', [path.join(REPO, 'test/cluster/down.sh')], { env, stdio: 'ignore' });
    if (previous === undefined) delete process.env.WAVESYNC_E2E_KUBECONFIG;
    else process.env.WAVESYNC_E2E_KUBECONFIG = previous;
    process.stderr.write(`[restart seed=${SEED}] the hook ledger relisted ${ledger?.relists ?? 0} time(s)\n${lines.join('\n')}\n`);
  });

  it(
    `${SYNCS} syncs, each through a kube-apiserver restart: Succeeded and equal, or Failed naming the cause; hooks once each`,
    async () => {
      const outcomes: SyncOutcome[] = [];
      for (let i = 0; i < SYNCS; i++) {
        const run = `rs${i}${Math.floor(random() * 1e6).toString(36)}`;
        const at = 500 + Math.floor(random() * 5000);
        let readyMs = -1;
        const timer = setTimeout(() => {
          execFile('bash', [path.join(REPO, 'test/cluster/restart-apiserver.sh')], { env, encoding: 'utf8' }, (err, stdout) => {
            readyMs = err ? -2 : Number(stdout.trim());
          });
        }, at);
        const o = await syncOnce({ kind: 'restart', run, namespace, kubeconfig, ledger });
        clearTimeout(timer);
        // A sync that ended before the server was back: wait for the restart to finish.
        for (let w = 0; w < 600 && readyMs === -1; w++) await new Promise((r) => setTimeout(r, 200));
        outcomes.push(o);
        lines.push(
          `${run}: restart at +${at} ms (ready again after ${readyMs} ms): ${o.result} in ${o.ms} ms${o.cause ? ` (${o.cause.slice(0, 200)})` : ''}${o.wrong ? ` WRONG: ${o.wrong}` : ''}`,
        );
        // The restart must have happened during the sync, or it proved nothing.
        expect({ run, restarted: readyMs >= 0 }).toEqual({ run, restarted: true });
      }
      expect(ledger.broken).toBeNull();
      expect(outcomes.filter((o) => o.wrong).map((o) => `${o.run}: ${o.wrong}`)).toEqual([]);
      expect(outcomes.reduce((n, o) => n + o.duplicatedHooks, 0)).toBe(0);
    },
    SYNCS * 300_000,
  );
});
