// Realistic plans and event sequences for the reporter tests: a small shop app with a PreSync
// migration, three Sync waves, a PostSync smoke test and a SyncFail notifier. The events are
// scripted (deterministic times, names and messages, for the golden files); the result is never
// built here: it is the engine's own fold of those events (ResultBuilder). Tests of what the real
// engine emits replay recordings instead (recorded.ts).
import type { HealthStatus } from '../../src/health/types.js';
import type { K8sObject } from '../../src/manifests/types.js';
import type { Phase } from '../../src/model/phases.js';
import type { Plan, Step, Task } from '../../src/plan/types.js';
import type { EventBus, StepResult, SyncResult, TaskFailure } from '../../src/sync/events.js';
import { ResultBuilder } from '../../src/sync/result-builder.js';

export const T0 = 1_700_000_000_000;
export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const REVISION = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
/** The base64 value of the Secret in the manifests: must never reach any report. */
export const SECRET_B64 = 'aHVudGVyMi1zdXBlci1zZWNyZXQ=';
export const SECRET_PLAIN = 'hunter2-super-secret';

export function task(phase: Phase, wave: number, kind: string, name: string, file: string, line: number, extra: Partial<K8sObject> = {}): Task {
  const hook = !['Sync'].includes(phase) || kind === 'Job';
  const apiVersion = kind === 'Deployment' ? 'apps/v1' : kind === 'Job' ? 'batch/v1' : 'v1';
  const namespace = kind === 'Namespace' ? null : 'shop';
  return {
    id: `${phase}/${apiVersion.includes('/') ? apiVersion.split('/')[0] : ''}/${kind}/${namespace ?? ''}/${name}`,
    phase,
    wave,
    apiVersion,
    kind,
    group: apiVersion.includes('/') ? apiVersion.split('/')[0] : '',
    name,
    generateName: null,
    namespace,
    hook,
    deletePolicies: hook ? ['BeforeHookCreation'] : [],
    syncOptions: [],
    source: { file, line },
    object: { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) }, ...extra },
  };
}

export function shopPlan(): Plan {
  const step = (phase: Phase, wave: number, tasks: Task[]): Step => ({ phase, wave, tasks });
  return {
    app: 'shop',
    revision: REVISION,
    namespace: 'shop',
    steps: [
      step('PreSync', 0, [task('PreSync', 0, 'Job', 'db-migrate', 'deploy/hooks/migrate.yaml', 1)]),
      step('Sync', -1, [task('Sync', -1, 'Namespace', 'shop', 'deploy/base/namespace.yaml', 1)]),
      step('Sync', 0, [
        task('Sync', 0, 'ConfigMap', 'shop-config', 'deploy/base/config.yaml', 1, { data: { LOG_LEVEL: 'info' } }),
        task('Sync', 0, 'Secret', 'shop-db', 'deploy/base/config.yaml', 9, {
          data: { password: SECRET_B64 },
          stringData: { url: `postgres://app:${SECRET_PLAIN}@db/shop` },
        }),
      ]),
      step('Sync', 1, [task('Sync', 1, 'Deployment', 'web', 'deploy/base/web.yaml', 1), task('Sync', 1, 'Service', 'web', 'deploy/base/web.yaml', 34)]),
      step('PostSync', 0, [task('PostSync', 0, 'Job', 'smoke-test', 'deploy/hooks/smoke.yaml', 1)]),
    ],
    syncFail: [step('SyncFail', 0, [task('SyncFail', 0, 'Job', 'notify-failure', 'deploy/hooks/notify.yaml', 1)])],
    preDelete: [],
    postDelete: [],
    skipped: [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'legacy-flags',
        namespace: 'shop',
        reason: 'annotated argocd.argoproj.io/hook: Skip',
        source: { file: 'deploy/base/legacy.yaml', line: 1 },
      },
    ],
    warnings: [
      { source: { file: 'charts/shop/templates/test-connection.yaml', line: 1 }, message: 'helm.sh/hook: test is not run by wavesync; the object is left out' },
    ],
  };
}

export interface Fate {
  state: 'Succeeded' | 'Failed';
  health?: HealthStatus;
  message?: string;
  logs?: string[];
  durationMs?: number;
  reason?: TaskFailure['reason'];
}

export type FateOf = (t: Task) => Fate | undefined;

const MESSAGES: Record<string, string> = {
  Job: 'Job completed',
  Deployment: '3 of 3 replicas available',
  Service: 'ClusterIP assigned',
};

/**
 * Plays a scripted sync of the plan on the bus, with a fake clock starting at T0, and returns the
 * engine's fold of it. `pauseMs` waits between steps so throttled updates happen.
 */
export async function playSync(
  bus: EventBus,
  plan: Plan,
  fateOf: FateOf = () => undefined,
  pauseMs = 0,
  mode: SyncResult['mode'] = 'sync',
): Promise<SyncResult> {
  let now = T0;
  const server = 'https://admin:s3cr3t-pass@10.20.30.40:6443/';
  const fold = new ResultBuilder();
  const off = bus.on(fold.listener);
  bus.emit({ type: 'sync-started', at: now, plan, mode, server });
  const failures: TaskFailure[] = [];
  const syncFailFailures: TaskFailure[] = [];
  const play = async (steps: Step[], into: TaskFailure[]): Promise<void> => {
    for (const [index, s] of steps.entries()) {
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      bus.emit({ type: 'step-started', at: (now += 200), phase: s.phase, wave: s.wave, index });
      let state: StepResult['state'] = 'Succeeded';
      for (const t of s.tasks) {
        const fate = fateOf(t) ?? { state: 'Succeeded' };
        now += 50;
        bus.emit({ type: 'task-started', at: now, taskId: t.id, task: t, liveName: t.name });
        bus.emit({ type: 'task-applied', at: (now += 30), taskId: t.id, action: 'created', liveName: t.name as string });
        for (const line of fate.logs ?? [])
          bus.emit({ type: 'hook-log', at: (now += 10), taskId: t.id, hookName: t.name as string, pod: `${t.name}-x7k2p`, line });
        now += fate.durationMs ?? (t.hook ? 14_000 : 2_000);
        const health: HealthStatus = fate.health ?? (fate.state === 'Succeeded' ? 'Healthy' : 'Degraded');
        const message = fate.message ?? MESSAGES[t.kind] ?? '';
        bus.emit({ type: 'task-health', at: now, taskId: t.id, health, message });
        let failure: TaskFailure | undefined;
        if (fate.state === 'Failed') {
          failure = {
            taskId: t.id,
            phase: t.phase,
            wave: t.wave,
            kind: t.kind,
            namespace: t.namespace,
            name: t.name,
            source: t.source,
            reason: fate.reason ?? (t.hook ? 'HookFailed' : 'Degraded'),
            message,
            logTail: (fate.logs ?? []).slice(-50),
          };
          into.push(failure);
        }
        bus.emit({ type: 'task-finished', at: now, taskId: t.id, state: fate.state, message, failure });
        if (fate.state === 'Failed') state = 'Failed';
      }
      bus.emit({ type: 'step-finished', at: now, phase: s.phase, wave: s.wave, index, state });
      if (state === 'Failed') return;
    }
  };
  await play(plan.steps, failures);
  const failed = failures.length > 0;
  if (failed) await play(plan.syncFail, syncFailFailures);
  const result = fold.build(
    failed ? 'Failed' : 'Succeeded',
    failed ? failures[0].reason : null,
    failed ? `${failures[0].kind} ${failures[0].name} failed: ${failures[0].message}` : '',
    now,
  );
  off();
  bus.emit({ type: 'sync-finished', at: now, result });
  return result;
}

export const MIGRATION_LOGS = [
  'Connecting to postgres://db:5432/shop',
  'Applying migration 0041_add_orders_index',
  'Applying migration 0042_drop_legacy_carts',
  'ERROR: relation "carts_v1" does not exist',
  'migration 0042 failed; rolling back',
];

/** The PreSync migration fails: nothing else of the plan runs, SyncFail does. */
export const migrationFails: FateOf = (t) =>
  t.name === 'db-migrate'
    ? { state: 'Failed', message: 'Job has reached the specified backoff limit (BackoffLimitExceeded)', logs: MIGRATION_LOGS, durationMs: 21_000 }
    : undefined;

/** A plan with n Deployments in one wave, each from its own file line. */
export function widePlan(n: number): Plan {
  const plan = shopPlan();
  const tasks = Array.from({ length: n }, (_, i) => task('Sync', 0, 'Deployment', `worker-${i}`, 'deploy/workers.yaml', 1 + i * 25));
  return { ...plan, steps: [{ phase: 'Sync', wave: 0, tasks }], syncFail: [] };
}
