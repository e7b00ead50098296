// Shared set-up for engine tests on the in-memory cluster.
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { runEngine } from '../../src/sync/engine.js';
import { EventBus, type SyncEvent } from '../../src/sync/events.js';
import type { EngineOptions } from '../../src/sync/options.js';
import type { Plan } from '../../src/plan/types.js';
import { installControllers, seedNamespace } from './fake-controllers.js';

export async function setup(): Promise<MemoryCluster> {
  const cluster = new MemoryCluster();
  installControllers(cluster);
  await seedNamespace(cluster, 'app');
  cluster.ops.length = 0;
  return cluster;
}

export async function run(cluster: MemoryCluster, plan: Plan, over: Partial<EngineOptions> = {}) {
  const bus = new EventBus();
  const events: SyncEvent[] = [];
  bus.on((e) => events.push(e));
  const result = await runEngine({
    cluster,
    plan,
    bus,
    mode: 'sync',
    timeoutMs: 5_000,
    waveDelayMs: 0,
    failFastAfterMs: 0,
    createNamespace: false,
    ...over,
  });
  return { result, events };
}

/** The 1-based line where the document containing `marker` starts (its apiVersion line). */
export function docStart(text: string, marker: string): number {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.includes(marker));
  while (i > 0 && !lines[i].startsWith('apiVersion:')) i--;
  return i + 1;
}

export const infos = (events: SyncEvent[]) => events.flatMap((e) => (e.type === 'info' ? [e.message] : []));
