// SEMANTICS 4: HookSucceeded hooks are deleted only when the whole sync succeeded; HookFailed
// deletes the hooks that failed, once the sync has finished (after SyncFail).
import { describe, expect, it } from '@jest/globals';
import type { SyncEvent } from '../../src/sync/events.js';
import { job, planOf } from './fake-controllers.js';
import { run, setup } from './engine-helpers.js';

const post = (weight: number, policy: string) => ({
  'helm.sh/hook': 'post-install',
  'helm.sh/hook-weight': String(weight),
  'helm.sh/hook-delete-policy': policy,
});
const serviceAccount = (name: string, ann: Record<string, string>) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  annotations:\n${Object.entries(ann)
    .map(([k, v]) => `    ${k}: "${v}"`)
    .join('\n')}\n`;
const deleted = (events: SyncEvent[]) =>
  events.flatMap((e) => (e.type === 'hook-deleted' && e.why !== 'BeforeHookCreation' ? [`${e.kind}/${e.liveName}:${e.why}`] : []));
const lastIndex = (events: SyncEvent[], pred: (e: SyncEvent) => boolean) => events.map(pred).lastIndexOf(true);

describe('hook deletion timing', () => {
  it('a hook-succeeded ServiceAccount stays until the whole sync has succeeded (the hook Job of a later wave uses it)', async () => {
    const cluster = await setup();
    const saPresentWhenJobRan: boolean[] = [];
    cluster.react('Job', (j) => {
      if (j.metadata.name === 'startupapicheck')
        saPresentWhenJobRan.push(cluster.objects().some((o) => o.kind === 'ServiceAccount' && o.metadata.name === 'startupapicheck'));
    });
    const text = [
      serviceAccount('startupapicheck', post(-5, 'before-hook-creation,hook-succeeded')),
      job('startupapicheck', post(1, 'before-hook-creation,hook-succeeded')),
    ].join('---\n');
    const { result, events } = await run(cluster, planOf(text));
    expect(result.result).toBe('Succeeded');
    expect(saPresentWhenJobRan).toEqual([true]);
    expect(deleted(events).sort()).toEqual(['Job/startupapicheck:HookSucceeded', 'ServiceAccount/startupapicheck:HookSucceeded']);
    // Both deletions come after the last step finished, and their logs came first.
    const lastStep = lastIndex(events, (e) => e.type === 'step-finished');
    expect(events.findIndex((e) => e.type === 'hook-deleted' && e.why === 'HookSucceeded')).toBeGreaterThan(lastStep);
    expect(lastIndex(events, (e) => e.type === 'hook-log')).toBeLessThan(events.findIndex((e) => e.type === 'hook-deleted' && e.why === 'HookSucceeded'));
    expect(cluster.objects().filter((o) => o.metadata.name === 'startupapicheck')).toEqual([]);
  });

  it('when the sync fails, hooks that succeeded stay; hooks that failed with HookFailed are deleted after SyncFail', async () => {
    const cluster = await setup();
    const text = [
      job('prepare', { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }),
      job('migrate', { 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'HookFailed,HookSucceeded' }, { outcome: 'fail' }),
      job('notify', { 'argocd.argoproj.io/hook': 'SyncFail' }),
    ].join('---\n');
    const { result, events } = await run(cluster, planOf(text));
    expect(result.result).toBe('Failed');
    expect(deleted(events)).toEqual(['Job/migrate:HookFailed']);
    const names = cluster.objects().map((o) => o.metadata.name);
    expect(names).toContain('prepare');
    expect(names).not.toContain('migrate');
    // After SyncFail ran, and after the failed hook's logs were in the failure report.
    const notifyDone = events.findIndex((e) => e.type === 'task-finished' && e.taskId.includes('notify'));
    expect(events.findIndex((e) => e.type === 'hook-deleted' && e.why === 'HookFailed')).toBeGreaterThan(notifyDone);
    expect(result.failures[0].logTail).toEqual(['migrate starting', 'migrate done']);
  });
});
