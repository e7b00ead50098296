// Pruning and deleting through the fault proxy (issue 14): a sync with --prune that removes objects
// under resets and under an outage must leave the pruned objects gone and nothing else missing;
// `wavesync delete` under resets must remove every object, then the inventory parent and the Lease
// last (the outage case runs in `npm run soak` only). Each run must also end right (Succeeded, or
// Failed naming its cause; a failed run is then repeated without faults, which must finish the job).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { appObjects, type AppObject } from './app.js';
import { clusterDiff, inventoryProblems } from './checks.js';
import { adminConfig, adminServer, kubeconfigFor } from './identity.js';
import { FaultProxy, NO_FAULTS, seeded, type Faults } from './proxy.js';
import { watchEvents } from '../lifecycle/watch-events.js';
import { useNamespace } from '../setup/cluster.js';
import { runCli, writeManifests, type CliRun } from '../sync/harness.js';

const SEED = Number(process.env.WAVESYNC_FAULT_SEED ?? Date.now() % 1e9);
const APP = 'lifefaults';
const nameOf = (o: AppObject) => (o.doc.metadata as { name?: string }).name ?? '';
/** Left out by the prune run: wave 3 whole and two ConfigMaps of wave 2. */
const PRUNED = (o: AppObject) => nameOf(o).startsWith('w3-') || nameOf(o) === 'w2-cm-3' || nameOf(o) === 'w2-cm-4';

function repoFor(objects: AppObject[]): string {
  return writeManifests(Object.fromEntries(objects.map((o) => [o.file, YAML.stringify(o.doc)])));
}

const STACK = /\n\s+at .+:\d+:\d+/;

/** Ended right: exit 0 Succeeded, or exit 1 Failed with a message that names a cause. */
function endedRight(run: CliRun): string | null {
  let json: { result?: string; message?: string };
  try {
    json = run.json();
  } catch {
    return `exit ${run.code}, no JSON result: ${run.stderr.slice(-300)}`;
  }
  if (STACK.test(run.stderr)) return 'a stack trace was printed';
  if (run.code === 0 && json.result === 'Succeeded') return null;
  if (run.code === 1 && json.result === 'Failed' && json.message && !/unexpected error|fetch failed|undefined/i.test(json.message)) return null;
  return `exit ${run.code} ${json.result}: ${json.message}`;
}

async function live(ns: string, o: AppObject): Promise<boolean> {
  const api = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
  return api
    .read({ apiVersion: o.doc.apiVersion as string, kind: o.doc.kind as string, metadata: { name: nameOf(o), namespace: ns } })
    .then(() => true)
    .catch(() => false);
}

describe('prune and delete under API faults', () => {
  const ns = useNamespace('lifefaults');
  let proxy: FaultProxy;
  let faulty: string;
  const figures: string[] = [];

  beforeAll(async () => {
    const up = adminServer();
    proxy = new FaultProxy({ host: up.host, port: up.port }, seeded(SEED));
    faulty = kubeconfigFor(`https://127.0.0.1:${await proxy.listen()}`);
  });
  afterAll(async () => {
    await proxy?.close();
    process.stderr.write(`[lifecycle faults seed=${SEED}]\n${figures.join('\n')}\n`);
  });

  const cli = (objects: AppObject[], args: string[]) =>
    runCli(repoFor(objects), [...args, '--namespace', ns.name, '--app', APP, '--output', 'json', '--timeout', '3m', '--lock-timeout', '1m'], {
      kubeconfig: faulty,
    });

  /** Run under faults; a clear failure is repeated without them. Returns both runs' verdicts. */
  async function underFaults(faults: Partial<Faults>, outage: boolean, objects: AppObject[], args: string[]): Promise<{ first: CliRun; wrong: string[] }> {
    const before = { ...proxy.counts };
    proxy.faults = { ...NO_FAULTS, ...faults };
    proxy.owed = { reset: Boolean(faults.reset), stall: false, drop: false };
    let timer: NodeJS.Timeout | undefined;
    if (outage)
      timer = setTimeout(() => {
        proxy.faults.down = true;
        proxy.resetAll();
        timer = setTimeout(() => (proxy.faults.down = false), 1500);
      }, 800);
    const started = Date.now();
    const first = await cli(objects, args);
    clearTimeout(timer);
    proxy.faults = { ...NO_FAULTS };
    proxy.owed = { reset: false, stall: false, drop: false };
    const injected = proxy.counts.resets - before.resets + (proxy.counts.refused - before.refused) + (outage ? 1 : 0);
    const wrong: string[] = [];
    const verdict = endedRight(first);
    if (verdict) wrong.push(`under faults: ${verdict}`);
    let note = `${first.json().result} in ${Date.now() - started} ms`;
    if (!verdict && first.code !== 0) {
      const again = await cli(objects, args);
      const v2 = endedRight(again);
      if (v2 || again.code !== 0) wrong.push(`repeated without faults: ${v2 ?? `exit ${again.code}`}`);
      note += ` (${String(first.json().message).slice(0, 120)}), then ${again.json().result} without faults`;
    }
    figures.push(`${args[0]} ${outage ? 'outage' : 'reset'}: ${note}; ${injected} fault(s) injected`);
    expect(injected).toBeGreaterThan(0);
    return { first, wrong };
  }

  // CI runs the reset case; the outage case is soak only (it adds about 30 s).
  const kinds = process.env.WAVESYNC_SOAK === '1' ? (['reset', 'outage'] as const) : (['reset'] as const);
  for (const kind of kinds) {
    it(`a sync with --prune under ${kind}: the pruned objects are gone, nothing else is`, async () => {
      const full = appObjects(`p${kind.slice(0, 3)}0`);
      const seeded_ = await cli(full, ['sync', '--manifests', '.']);
      expect(seeded_.code).toBe(0);
      const kept = appObjects(`p${kind.slice(0, 3)}1`).filter((o) => !PRUNED(o));
      const { wrong } = await underFaults(kind === 'reset' ? { reset: 0.08, resetWithinBytes: 20_000 } : {}, kind === 'outage', kept, [
        'sync',
        '--manifests',
        '.',
        '--prune',
      ]);
      expect(wrong).toEqual([]);
      const stillThere: string[] = [];
      for (const o of full.filter(PRUNED)) if (await live(ns.name, o)) stillThere.push(`${o.doc.kind as string}/${nameOf(o)}`);
      expect(stillThere).toEqual([]);
      expect(await clusterDiff(ns.name, kept)).toEqual([]);
      expect(await inventoryProblems(ns.name, APP, kept)).toEqual([]);
    }, 300_000);
  }

  it('wavesync delete under resets: every object gone, the inventory parent and the Lease last', async () => {
    const full = appObjects('d0');
    expect((await cli(full, ['sync', '--manifests', '.'])).code).toBe(0);
    const rec = await watchEvents(ns.name, [
      { path: '/api/v1/namespaces/{ns}/configmaps', kind: 'ConfigMap' },
      { path: '/api/v1/namespaces/{ns}/secrets', kind: 'Secret' },
      { path: '/api/v1/namespaces/{ns}/services', kind: 'Service' },
      { path: '/api/v1/namespaces/{ns}/serviceaccounts', kind: 'ServiceAccount' },
      { path: '/apis/apps/v1/namespaces/{ns}/deployments', kind: 'Deployment' },
      { path: '/apis/coordination.k8s.io/v1/namespaces/{ns}/leases', kind: 'Lease' },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const { wrong } = await underFaults({ reset: 0.08, resetWithinBytes: 20_000 }, false, [], ['delete']);
    await new Promise((r) => setTimeout(r, 500));
    rec.stop();
    expect(wrong).toEqual([]);
    const left: string[] = [];
    for (const o of full.filter((x) => !x.hook)) if (await live(ns.name, o)) left.push(`${o.doc.kind as string}/${nameOf(o)}`);
    expect(left).toEqual([]);
    const deleted = rec.events.filter((e) => e.type === 'DELETED');
    const lastMember = Math.max(
      ...deleted.filter((e) => full.some((o) => !o.hook && o.doc.kind === e.kind && nameOf(o) === e.name)).map((e) => deleted.indexOf(e)),
    );
    const parent = deleted.findIndex((e) => e.kind === 'Secret' && e.name === `wavesync-${APP}`);
    const lease = deleted.findIndex((e) => e.kind === 'Lease' && e.name === `wavesync-${APP}`);
    const order = deleted.map((e) => `${e.kind}/${e.name}`);
    expect({ parentAfterMembers: parent > lastMember, leaseAfterMembers: lease > lastMember, order }).toEqual({
      parentAfterMembers: true,
      leaseAfterMembers: true,
      order,
    });
  }, 300_000);
});
