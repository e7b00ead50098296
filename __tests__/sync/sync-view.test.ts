import { describe, expect, it } from '@jest/globals';
import { SyncView } from '../../src/cli/sync-view.js';
import { MemoryCluster } from '../../src/cluster/memory/memory-cluster.js';
import { runEngine } from '../../src/sync/engine.js';
import { EventBus } from '../../src/sync/events.js';
import { syncResultToJson } from '../../src/report/result-json.js';
import { installControllers, job, planOf, seedNamespace } from './fake-controllers.js';

describe('CLI view and JSON result of a sync', () => {
  it('prints one plain line per change and a JSON result with failures and log tails', async () => {
    const cluster = new MemoryCluster();
    installControllers(cluster);
    await seedNamespace(cluster, 'app');
    const out: string[] = [];
    const bus = new EventBus();
    bus.on(new SyncView((t) => out.push(t), false).listener);
    const plan = planOf(job('migrate', { 'argocd.argoproj.io/hook': 'PreSync' }, { outcome: 'fail' }));
    const result = await runEngine({ cluster, plan, bus, mode: 'sync', timeoutMs: 5000, waveDelayMs: 0, failFastAfterMs: 0, createNamespace: false });
    const text = out.join('');
    expect(text).toMatch(/PreSync wave 0: started/);
    expect(text).toMatch(/Job app\/migrate: created/);
    expect(text).toMatch(/migrate \| migrate starting/);
    expect(text).toMatch(/Job app\/migrate: Failed in [\d.]+s/);
    expect(text).toMatch(/^\[\s*[\d.]+s\] Failed \(HookFailed\)/m);
    const json = syncResultToJson(result);
    expect(json).toMatchObject({ result: 'Failed', failedPhase: 'PreSync', failures: [{ name: 'migrate', logTail: ['migrate starting', 'migrate done'] }] });
    expect(json.steps[0].tasks[0]).toMatchObject({ kind: 'Job', state: 'Failed', action: 'created' });
  });

  it("prints the plan's warnings at their file and line before the first step", () => {
    const out: string[] = [];
    const view = new SyncView((t) => out.push(t), false);
    const plan = planOf(job('migrate', { 'argocd.argoproj.io/hook': 'PreSync' }));
    plan.warnings.push({
      source: { file: 'chart/templates/test.yaml', line: 3 },
      message: 'Pod shop-test: Helm hook "test" has no Argo CD equivalent; the object is left out',
    });
    view.listener({ type: 'sync-started', at: 1000, plan, mode: 'sync', server: '127.0.0.1:6443' } as Parameters<typeof view.listener>[0]);
    expect(out.join('').split('\n')).toEqual([
      '[   0.0s] sync demo @ abcdef1234 to 127.0.0.1:6443 (sync)',
      '[   0.0s] warning: chart/templates/test.yaml:3: Pod shop-test: Helm hook "test" has no Argo CD equivalent; the object is left out',
      '',
    ]);
  });
});
