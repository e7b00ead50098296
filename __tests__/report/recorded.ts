// Event streams recorded from the real engine on the in-memory cluster (with the test-only
// controllers), for reporter tests to replay: what the reporters see is what the engine emits.
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { runEngine } from '../../src/sync/engine.js';
import { EventBus, type SyncEvent, type SyncResult } from '../../src/sync/events.js';
import { configMap, deployment, installControllers, job, planOf, seedNamespace } from '../sync/fake-controllers.js';

export interface Recording {
  events: SyncEvent[];
  result: SyncResult;
}

const hook = (phase: string, policy = 'BeforeHookCreation') => ({ 'argocd.argoproj.io/hook': phase, 'argocd.argoproj.io/hook-delete-policy': policy });

/** A small app: a PreSync migration, a ConfigMap and a Deployment in two waves, a PostSync smoke test, a SyncFail notifier. */
export function appManifests(opts: { migration?: 'fail' } = {}): string {
  return [
    job('migrate', hook('PreSync'), { outcome: opts.migration }),
    configMap('settings', 0),
    deployment('web', 1),
    job('smoke', hook('PostSync', 'HookSucceeded')),
    job('notify', hook('SyncFail')),
  ].join('---\n');
}

export async function recordSync(yaml: string): Promise<Recording> {
  const cluster = new MemoryCluster();
  installControllers(cluster);
  await seedNamespace(cluster, 'app');
  const bus = new EventBus();
  const events: SyncEvent[] = [];
  bus.on((e) => events.push(structuredClone(e)));
  const result = await runEngine({
    cluster,
    plan: planOf(yaml),
    bus,
    mode: 'sync',
    timeoutMs: 5000,
    waveDelayMs: 0,
    failFastAfterMs: 0,
    createNamespace: false,
  });
  return { events, result };
}

/** Emits the recorded events on the bus, in order. */
export function replay(bus: EventBus, recording: Recording): void {
  for (const e of recording.events) bus.emit(e);
}
