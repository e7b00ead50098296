// SEMANTICS 6 on the local control plane, through the bundled CLI: the ApplySet inventory as
// kubectl reads it, pruning (on, off, Prune=false), reversed wave order seen from watch events,
// and adoption refusal.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { coreApi, kubeconfigPath, withNamespace } from '../setup/cluster.js';
import { runCli, writeManifests } from '../sync/harness.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import { applysetId } from '../../src/cluster/inventory/applyset.js';
import { watchEvents } from './watch-events.js';

const cm = (name: string, wave = 0, options = '', value = 'v') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  annotations:
    argocd.argoproj.io/sync-wave: "${wave}"
${options ? `    argocd.argoproj.io/sync-options: ${options}\n` : ''}data: { k: ${value} }
`;
const deploy = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec: { containers: [{ name: main, image: nginx }] }
`;
const preHook = `apiVersion: v1
kind: ConfigMap
metadata: { name: pre, annotations: { argocd.argoproj.io/hook: PreSync } }
`;
const kubectl = (args: string[], env: Record<string, string> = {}) =>
  execFileSync('kubectl', ['--kubeconfig', kubeconfigPath(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const cmNames = async (ns: string) =>
  (await coreApi().listNamespacedConfigMap({ namespace: ns })).items
    .map((c) => c.metadata!.name!)
    .filter((n) => n !== 'kube-root-ca.crt')
    .sort();
const sync = (dir: string, ns: string, app: string, ...flags: string[]) =>
  runCli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', app, '--output', 'json', '--timeout', '90s', ...flags]);
type Task = { name: string; state: string; action: string | null; message: string; file: string | null; line: number | null };
const taskNamed = (out: Record<string, unknown>, name: string) => (out.steps as { tasks: Task[] }[]).flatMap((s) => s.tasks).find((t) => t.name === name);

describe('inventory and pruning on the local control plane', () => {
  it('A then B: the parent is an ApplySet kubectl accepts; without prune b is would-prune, with prune it is deleted', () =>
    withNamespace('prune', async (ns) => {
      const dirA = writeManifests({ 'k8s/a.yaml': [cm('a'), cm('b'), deploy('d'), preHook].join('---\n') });
      const a = await sync(dirA, ns, 'shop');
      expect(a.code).toBe(0);

      const parent = JSON.parse(kubectl(['get', 'secret', 'wavesync-shop', '-n', ns, '-o', 'json'])) as {
        metadata: { labels: Record<string, string>; annotations: Record<string, string> };
      };
      const id = applysetId('wavesync-shop', ns);
      expect(parent.metadata.labels['applyset.kubernetes.io/id']).toBe(id);
      expect(parent.metadata.annotations).toMatchObject({
        'applyset.kubernetes.io/tooling': 'wavesync/0.1.0',
        'applyset.kubernetes.io/contains-group-kinds': 'ConfigMap,Deployment.apps',
        'applyset.kubernetes.io/additional-namespaces': '',
      });
      // Exactly the members carry part-of: never the hook, nor what controllers made (ReplicaSets, pods).
      const labelled = kubectl(['get', 'configmaps,deployments,replicasets,pods', '-n', ns, '-l', `applyset.kubernetes.io/part-of=${id}`, '-o', 'name'])
        .trim()
        .split('\n')
        .sort();
      expect(labelled).toEqual(['configmap/a', 'configmap/b', 'deployment.apps/d']);

      const dirB = writeManifests({ 'k8s/a.yaml': [cm('a'), deploy('d')].join('---\n') });
      const off = await sync(dirB, ns, 'shop');
      expect(off.code).toBe(0);
      expect(resultSchemaErrors(off.json())).toEqual([]);
      expect(taskNamed(off.json(), 'b')).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/^would prune/), file: null, line: null });
      expect(await cmNames(ns)).toEqual(['a', 'b', 'pre']);

      const on = await sync(dirB, ns, 'shop', '--prune');
      expect(on.code).toBe(0);
      expect(resultSchemaErrors(on.json())).toEqual([]);
      expect(taskNamed(on.json(), 'b')).toMatchObject({ state: 'Succeeded', action: 'pruned' });
      expect(await cmNames(ns)).toEqual(['a', 'pre']);
    }));

  it('kubectl validates the id wavesync wrote (the only thing it checks before tooling is its own)', () =>
    withNamespace('applyset-id', async (ns) => {
      const dir = writeManifests({ 'k8s/a.yaml': cm('a') });
      expect((await sync(dir, ns, 'idcheck')).code).toBe(0);
      // kubectl refuses a parent of another tool, so make it look like kubectl's and let kubectl check the id.
      kubectl(['annotate', 'secret', 'wavesync-idcheck', '-n', ns, '--overwrite', 'applyset.kubernetes.io/tooling=kubectl/v1.32.0']);
      const out = kubectl(['apply', '-n', ns, '--prune', '--applyset=secret/wavesync-idcheck', '-f', `${dir}/k8s/a.yaml`, '--dry-run=server'], {
        KUBECTL_APPLYSET: 'true',
      });
      expect(out).toMatch(/configmap\/a (unchanged|configured|serverside-applied).*\(server dry run\)/);
      // And with a wrong id kubectl names the one it wants: the one wavesync computes.
      kubectl(['label', 'secret', 'wavesync-idcheck', '-n', ns, '--overwrite', 'applyset.kubernetes.io/id=applyset-wrong-v1']);
      let message = '';
      try {
        kubectl(['apply', '-n', ns, '--prune', '--applyset=secret/wavesync-idcheck', '-f', `${dir}/k8s/a.yaml`, '--dry-run=server'], {
          KUBECTL_APPLYSET: 'true',
        });
      } catch (err) {
        message = String((err as { stderr?: string }).stderr);
      }
      expect(message).toContain(`want: ${applysetId('wavesync-idcheck', ns)}`);
    }));

  it('Prune=false keeps b (reported); prune order is reversed across waves and PruneLast goes last (watch events)', () =>
    withNamespace('prune-order', async (ns) => {
      const first = [cm('keep', 0), cm('w0', 0), cm('w1', 1), cm('w5', 5), cm('last', 0, 'PruneLast=true'), cm('stay', 0, 'Prune=false'), cm('later', 3)];
      expect((await sync(writeManifests({ 'k8s/a.yaml': first.join('---\n') }), ns, 'order')).code).toBe(0);
      const rec = await watchEvents(ns, [{ path: '/api/v1/namespaces/{ns}/configmaps', kind: 'ConfigMap' }]);
      await new Promise((r) => setTimeout(r, 300));
      // keep and later change, so their applies show as MODIFIED events between the deletions.
      const run = await sync(writeManifests({ 'k8s/a.yaml': [cm('keep', 0, '', 'v2'), cm('later', 3, '', 'v2')].join('---\n') }), ns, 'order', '--prune');
      rec.stop();
      expect(run.code).toBe(0);
      const seen = rec.events.filter((e) => e.type !== 'ADDED' && e.name !== 'kube-root-ca.crt');
      const deleted = seen.filter((e) => e.type === 'DELETED').map((e) => e.name);
      expect(deleted).toEqual(['w5', 'w1', 'w0', 'last']);
      // w5 is pruned before wave 0's apply (keep), w0 after wave 3's (later), last after everything.
      const order = seen.map((e) => `${e.type === 'DELETED' ? '-' : '~'}${e.name}`).filter((x, i, all) => all.indexOf(x) === i);
      expect(order.indexOf('-w5')).toBeLessThan(order.indexOf('~keep'));
      expect(order.indexOf('~later')).toBeLessThan(order.indexOf('-w0'));
      expect(order.at(-1)).toBe('-last');
      expect(await cmNames(ns)).toEqual(['keep', 'later', 'stay']);
      expect(taskNamed(run.json(), 'stay')).toMatchObject({ state: 'Skipped', message: expect.stringMatching(/Prune=false/) });
    }));

  it('an object labelled for another app is refused at its file and line (exit 1) unless --force-adopt', () =>
    withNamespace('adopt', async (ns) => {
      expect((await sync(writeManifests({ 'k8s/a.yaml': cm('shared') }), ns, 'one')).code).toBe(0);
      const dir = writeManifests({ 'k8s/b.yaml': [cm('own'), cm('shared')].join('---\n') });
      const refused = await sync(dir, ns, 'two');
      expect(refused.code).toBe(1);
      const out = refused.json();
      expect(resultSchemaErrors(out)).toEqual([]);
      expect(out).toMatchObject({ result: 'Failed', reason: 'Adoption' });
      expect(out.failures).toEqual([expect.objectContaining({ name: 'shared', reason: 'Adoption', file: 'k8s/b.yaml', line: 9 })]);
      expect(out.failures[0].message).toContain(`parent Secret ${ns}/wavesync-one`);
      expect(await cmNames(ns)).toEqual(['shared']);
      const forced = await sync(dir, ns, 'two', '--force-adopt');
      expect(forced.code).toBe(0);
      const label = (await coreApi().readNamespacedConfigMap({ name: 'shared', namespace: ns })).metadata!.labels!['applyset.kubernetes.io/part-of'];
      expect(label).toBe(applysetId('wavesync-two', ns));
    }));
});
