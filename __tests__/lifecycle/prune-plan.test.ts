// SEMANTICS 6: which members leave and when. Waves mirrored (highest live wave first), each
// wave's prunes first in its Sync step, PruneLast after the last step, Prune=false / confirm kept.
import { describe, expect, it } from '@jest/globals';
import type { K8sObject } from '../../src/manifests/types.js';
import { planPrune, type PruneTask } from '../../src/plan/prune-plan.js';
import { labelMembers, memberScope } from '../../src/plan/membership.js';
import { planOf } from '../sync/fake-controllers.js';

const cm = (name: string, wave?: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  annotations: {${wave !== undefined ? ` argocd.argoproj.io/sync-wave: "${wave}"` : ''}}
data: { k: v }
`;
const live = (name: string, ann: Record<string, string> = {}, kind = 'ConfigMap', apiVersion = 'v1'): K8sObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'app', annotations: ann, labels: { 'applyset.kubernetes.io/part-of': 'x' } },
});
const on = { prune: true, confirm: false };
const summary = (steps: { phase: string; wave: number; tasks: { name: string | null; id: string }[] }[]) =>
  steps.map((s) => `${s.phase}/${s.wave}: ${s.tasks.map((t) => (t.id.startsWith('prune/') ? `-${t.name}` : t.name)).join(' ')}`);

describe('prune plan', () => {
  it('keeps members still in the manifests; nothing to prune leaves the plan as it was', () => {
    const plan = planOf(cm('a') + '---\n' + cm('b'));
    const out = planPrune(plan, [live('a'), live('b')], on);
    expect(out.tasks).toEqual([]);
    expect(out.plan).toBe(plan);
  });

  it('mirrors prune waves: the highest live wave is pruned in the first prune step, each before the applies', () => {
    const plan = planOf(cm('keep0', 0) + '---\n' + cm('keep5', 5));
    const members = [
      live('keep0'),
      live('old0', { 'argocd.argoproj.io/sync-wave': '0' }),
      live('old3', { 'argocd.argoproj.io/sync-wave': '3' }),
      live('old5', { 'argocd.argoproj.io/sync-wave': '5' }),
    ];
    const out = planPrune(plan, members, on);
    expect(summary(out.plan.steps)).toEqual(['Sync/0: -old5 keep0', 'Sync/3: -old3', 'Sync/5: -old0 keep5']);
  });

  it('PruneLast=true goes in a step after the last Sync step (before PostSync)', () => {
    const post = `apiVersion: batch/v1\nkind: Job\nmetadata: { name: notify, annotations: { argocd.argoproj.io/hook: PostSync } }\nspec: { template: { spec: { restartPolicy: Never, containers: [{ name: c, image: busybox }] } } }\n`;
    const plan = planOf(cm('a', 2) + '---\n' + post);
    const out = planPrune(plan, [live('late', { 'argocd.argoproj.io/sync-options': 'PruneLast=true' }), live('gone')], on);
    expect(summary(out.plan.steps)).toEqual(['Sync/0: -gone', 'Sync/2: a', 'Sync/3: -late', 'PostSync/0: notify']);
  });

  it('Prune=false is kept, Prune=confirm is kept unless confirmed, everything is kept with prune off', () => {
    const plan = planOf(cm('a'));
    const members = [
      live('f', { 'argocd.argoproj.io/sync-options': 'Prune=false' }),
      live('c', { 'argocd.argoproj.io/sync-options': 'Prune=confirm' }),
      live('p'),
    ];
    const keep = (opts: { prune: boolean; confirm: boolean }) =>
      Object.fromEntries(planPrune(plan, members, opts).tasks.map((t: PruneTask) => [t.name, t.keep]));
    expect(keep(on)).toEqual({ f: 'Prune=false', c: 'Prune=confirm', p: null });
    expect(keep({ prune: true, confirm: true })).toEqual({ f: 'Prune=false', c: null, p: null });
    expect(keep({ prune: false, confirm: true })).toEqual({ f: 'Prune=false', c: 'prune-off', p: 'prune-off' });
  });

  it('matches objects across API versions by group and kind, and never prunes what is now a hook', () => {
    const hook = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: h, annotations: { argocd.argoproj.io/hook: PreSync } }\n`;
    const plan = planOf(
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: hpa }\nspec: { scaleTargetRef: { kind: Deployment, name: d, apiVersion: apps/v1 }, maxReplicas: 2 }\n---\n` +
        hook,
    );
    const out = planPrune(plan, [live('hpa', {}, 'HorizontalPodAutoscaler', 'autoscaling/v1'), live('h')], on);
    expect(out.tasks).toEqual([]);
  });
});

describe('membership', () => {
  it('labels every non-hook object with part-of, never a hook, without touching the manifest object', () => {
    const hook = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: h, annotations: { argocd.argoproj.io/hook: PreSync } }\n`;
    const plan = planOf(cm('a') + '---\n' + hook);
    const labelled = labelMembers(plan, 'applyset-x-v1');
    const tasks = labelled.steps.flatMap((s) => s.tasks);
    expect(tasks.find((t) => t.name === 'a')!.object.metadata.labels).toEqual({ 'applyset.kubernetes.io/part-of': 'applyset-x-v1' });
    expect(tasks.find((t) => t.name === 'h')!.object.metadata.labels).toBeUndefined();
    expect(plan.steps.flatMap((s) => s.tasks).find((t) => t.name === 'a')!.object.metadata.labels).toBeUndefined();
    expect(memberScope(plan)).toEqual({ groupKinds: ['ConfigMap'], namespaces: ['app'] });
  });
});
