// Crashes (issue 14): the CLI syncing the 32-object fault app is killed with SIGKILL or SIGTERM at a
// seeded point (while a PreSync hook runs, in the middle of a wave, while pruning), then a second
// sync runs. It must converge: Succeeded, the cluster equal to the manifests, no object outside the
// inventory, pruned objects gone. After SIGKILL the Lease is left behind and taken over once it
// expires (WAVESYNC_LEASE_SECONDS keeps that short); SIGTERM must end the run promptly as
// Cancelled, delete the hook Jobs still running (SEMANTICS 5) and release the Lease, so the next
// sync starts at once. WAVESYNC_FAULT_SEED replays the kill points.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import * as k8s from '@kubernetes/client-node';
import { appObjects, type AppObject } from './app.js';
import { clusterDiff, inventoryProblems } from './checks.js';
import { seeded } from './proxy.js';
import { coordinationApiLease } from '../lifecycle/lease-api.js';
import { batchApi, useNamespace } from '../setup/cluster.js';
import { runCli, writeManifests, type CliRun } from '../sync/harness.js';
import YAML from 'yaml';

const SEED = Number(process.env.WAVESYNC_FAULT_SEED ?? Date.now() % 1e9);
const LEASE_S = 6;
const APP = 'crash';

/** The objects a prune run leaves out: wave 3 whole, and two ConfigMaps of wave 2. */
const PRUNED = (o: AppObject) => {
  const name = (o.doc.metadata as { name?: string }).name ?? '';
  return name.startsWith('w3-') || name === 'w2-cm-3' || name === 'w2-cm-4';
};

interface Point {
  name: string;
  /** The CLI's progress line (stderr with --output json) after which the kill is due. */
  after: RegExp;
  /** Upper bound of the seeded delay after that line, ms. */
  jitterMs: number;
  prune?: boolean;
}

const POINTS: Point[] = [
  { name: 'during the PreSync hook', after: /\]\s+Job \S+\/pre-migrate: (created|configured)$/m, jitterMs: 1200 },
  { name: 'mid-wave', after: /\] Sync wave [12]: started$/m, jitterMs: 700 },
  { name: 'during pruning', after: /\]\s+\S+ \S+: pruned$/m, jitterMs: 300, prune: true },
];

function repoFor(objects: AppObject[]): string {
  return writeManifests(Object.fromEntries(objects.map((o) => [o.file, YAML.stringify(o.doc)])));
}

const args = (ns: string, run: string, prune: boolean) => [
  'sync',
  '--manifests',
  '.',
  '--namespace',
  ns,
  '--app',
  APP,
  '--revision',
  `${run}0000000`,
  '--timeout',
  '3m',
  '--lock-timeout',
  '2m',
  '--output',
  'json',
  ...(prune ? ['--prune'] : []),
];

/** Jobs of the app's hooks that are neither complete nor failed. */
async function runningHookJobs(ns: string): Promise<string[]> {
  const jobs = await batchApi().listNamespacedJob({ namespace: ns });
  return jobs.items
    .filter((j) => !j.metadata?.deletionTimestamp)
    .filter((j) => !(j.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True'))
    .map((j) => j.metadata!.name!);
}

describe('crashes: a killed sync, then one that converges', () => {
  const ns = useNamespace('crash');
  const random = seeded(SEED);
  const previous = process.env.WAVESYNC_LEASE_SECONDS;
  const figures: string[] = [];

  beforeAll(async () => {
    process.env.WAVESYNC_LEASE_SECONDS = String(LEASE_S);
    // A first full sync, so every kill lands on a cluster that already holds the app.
    const run = await runCli(repoFor(appObjects('seed0')), args(ns.name, 'seed0', false));
    expect(run.code).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (previous === undefined) delete process.env.WAVESYNC_LEASE_SECONDS;
    else process.env.WAVESYNC_LEASE_SECONDS = previous;
    process.stderr.write(`[crash seed=${SEED}]\n${figures.join('\n')}\n`);
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    for (const point of POINTS) {
      it(`${signal} ${point.name}: the next sync converges${signal === 'SIGKILL' ? ' after taking over the expired Lease' : '; hooks deleted, Lease released'}`, async () => {
        const run = `k${signal === 'SIGKILL' ? 'k' : 't'}${Math.floor(random() * 1e6).toString(36)}`;
        const delay = Math.floor(random() * point.jitterMs);
        const full = appObjects(run);
        const wanted = point.prune ? full.filter((o) => !PRUNED(o)) : full;
        if (point.prune) {
          // The objects to prune must be live members first.
          const restore = await runCli(repoFor(appObjects(`${run}f`)), args(ns.name, `${run}f`, false));
          expect(restore.code).toBe(0);
        }
        let killedAt = 0;
        let child: ChildProcess | undefined;
        const killed: CliRun = await runCli(repoFor(wanted), args(ns.name, run, Boolean(point.prune)), {
          onStderr: (text, c) => {
            if (child || !point.after.test(text)) return;
            child = c;
            setTimeout(() => {
              killedAt = Date.now();
              c.kill(signal);
            }, delay);
          },
        });
        const exitMs = Date.now() - killedAt;
        const where = `${signal} ${point.name} (+${delay} ms, run ${run})`;
        // The kill point must have been reached, or the test proved nothing.
        expect({ where, killed: Boolean(child && killedAt) }).toEqual({ where, killed: true });

        const lease = await coordinationApiLease(ns.name, `wavesync-${APP}`);
        let notes = '';
        if (signal === 'SIGKILL') {
          expect(killed.code).toBeNull();
          expect(lease?.spec?.holderIdentity).toMatch(/ pid \d+$/);
        } else {
          // Cancelled: exit code 130, the result says so, every running hook Job deleted, Lease free.
          expect({ where, code: killed.code, result: killed.stdout ? killed.json().result : killed.stderr.slice(-400) }).toEqual({
            where,
            code: 130,
            result: 'Cancelled',
          });
          expect(exitMs).toBeLessThan(15_000);
          expect(await runningHookJobs(ns.name)).toEqual([]);
          expect(lease?.spec?.holderIdentity ?? null).toBeNull();
          notes = `, exited ${exitMs} ms after the signal`;
        }

        const t0 = Date.now();
        const again = await runCli(repoFor(wanted), args(ns.name, run, Boolean(point.prune)));
        const tookMs = Date.now() - t0;
        expect({ where, code: again.code, tail: again.code === 0 ? '' : again.stderr.slice(-600) }).toEqual({ where, code: 0, tail: '' });
        expect(again.json().result).toBe('Succeeded');
        if (signal === 'SIGKILL') expect(again.stderr).toMatch(/took over the lock from .* pid \d+/);
        else expect(again.stderr).not.toMatch(/waiting for the lock/);
        expect(await clusterDiff(ns.name, wanted)).toEqual([]);
        expect(await inventoryProblems(ns.name, APP, wanted)).toEqual([]);
        if (point.prune) {
          const api = k8s.KubernetesObjectApi.makeApiClient((await import('./identity.js')).adminConfig());
          const left: string[] = [];
          for (const o of full.filter(PRUNED)) {
            const ref = {
              apiVersion: o.doc.apiVersion as string,
              kind: o.doc.kind as string,
              metadata: { name: (o.doc.metadata as { name: string }).name, namespace: ns.name },
            };
            const live = await api.read(ref).catch(() => null);
            if (live) left.push(`${ref.kind}/${ref.metadata.name}`);
          }
          expect(left).toEqual([]);
        }
        const after = await coordinationApiLease(ns.name, `wavesync-${APP}`);
        expect(after?.spec?.holderIdentity ?? null).toBeNull();
        figures.push(`${where}: killed sync exit ${killed.code}${notes}; next sync Succeeded in ${tookMs} ms`);
      }, 180_000);
    }
  }
});
