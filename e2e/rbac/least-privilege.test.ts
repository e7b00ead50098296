// Least privilege: a sync as a ServiceAccount bound to exactly docs/rbac.yaml's Role succeeds, and
// with any one rule (or one verb) taken away it is refused before anything is applied, with an
// error at an object's file:line naming the missing verb and resource. A prune and a delete as the
// same ServiceAccount succeed too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { appObjects, type AppObject } from '../faults/app.js';
import { clusterDiff } from '../faults/checks.js';
import { adminConfig, adminServer, applyAll, kubeconfigFor, serviceAccountToken } from '../faults/identity.js';
import { withNamespace } from '../setup/cluster.js';
import { REPO } from '../sync/harness.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const RBAC = YAML.parseAllDocuments(fs.readFileSync(path.join(REPO, 'docs/rbac.yaml'), 'utf8')).map((d) => d.toJS());
const ROLE = RBAC.find((d) => d.kind === 'Role') as { rules: Rule[] };

async function setRole(ns: string, rules: Rule[]): Promise<void> {
  const rbac = adminConfig().makeApiClient(k8s.RbacAuthorizationV1Api);
  await rbac.deleteNamespacedRole({ name: 'wavesync', namespace: ns }).catch(() => undefined);
  await rbac.createNamespacedRole({ namespace: ns, body: { metadata: { name: 'wavesync' }, rules } });
}

type Run = { code: number | null; stdout: string; stderr: string };

/** `wavesync sync` of the fault app's objects for `run` (those `keep` accepts), or another command. */
function sync(kubeconfig: string, ns: string, run: string, opts: { keep?: (o: AppObject) => boolean; args?: string[] } = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-rbac-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const o of appObjects(run).filter(opts.keep ?? (() => true))) {
    fs.mkdirSync(path.dirname(path.join(dir, o.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, o.file), YAML.stringify(o.doc));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(REPO, 'dist/cli.js'),
        ...(opts.args ?? ['sync', '--manifests', '.', '--revision', `${run}0000000`]),
        '--namespace',
        ns,
        '--app',
        'rbac',
        '--kubeconfig',
        kubeconfig,
      ],
      { cwd: dir, env: { ...process.env, CI: '1' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 2) process.stderr.write(`[rbac] ${opts.args?.[0] ?? 'sync'} ${run} exit ${code}:\n${stdout.slice(-3000)}\n${stderr}\n`);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Which of these objects still exist (kind/name), read as the admin. */
async function liveNames(ns: string, objects: AppObject[]): Promise<string[]> {
  const client = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
  const live: string[] = [];
  for (const o of objects) {
    const meta = o.doc.metadata as { name: string };
    const ref = { apiVersion: o.doc.apiVersion as string, kind: o.doc.kind as string, metadata: { name: meta.name, namespace: ns } };
    const found = await client.read(ref).then(
      (x) => !(x.metadata as { deletionTimestamp?: string }).deletionTimestamp,
      () => false,
    );
    if (found) live.push(`${ref.kind}/${meta.name}`);
  }
  return live;
}

describe('least privilege (docs/rbac.yaml)', () => {
  it(
    'syncs, prunes and deletes as a ServiceAccount bound to exactly the Role; each rule or verb taken away is refused before any change',
    () =>
      withNamespace('rbac', async (ns) => {
        await applyAll(
          `apiVersion: v1
kind: ServiceAccount
metadata: { name: wavesync }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: wavesync }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: wavesync }
subjects: [{ kind: ServiceAccount, name: wavesync, namespace: ${ns} }]
`,
          ns,
        );
        await setRole(ns, ROLE.rules);
        const kubeconfig = kubeconfigFor(adminServer().url, { name: 'wavesync', token: await serviceAccountToken(ns, 'wavesync') });

        const ok = await sync(kubeconfig, ns, 'r0');
        expect({ code: ok.code, stderr: ok.stderr, stdout: ok.stdout.slice(-1500) }).toEqual({ code: 0, stderr: '', stdout: expect.any(String) });
        expect(await clusterDiff(ns, appObjects('r0'))).toEqual([]);

        // Each rule away, then one verb away from the hooks' rule.
        // Two rules only serve the lifecycle around a sync: the lock (best effort: without it the run
        // warns and goes on unlocked) and listing/deleting Secrets (trimming old releases, delete
        // mode). Without either a sync still succeeds: checked last, since those runs apply.
        const isLease = (r: Rule) => r.resources.includes('leases');
        const degrades = (r: Rule) => isLease(r) || (r.resources.length === 1 && r.resources[0] === 'secrets');
        const cases: { rules: Rule[]; missing: Rule }[] = ROLE.rules.flatMap((r, i) =>
          degrades(r) ? [] : [{ rules: ROLE.rules.filter((_, j) => j !== i), missing: r }],
        );
        const jobs = ROLE.rules.findIndex((r) => r.resources.includes('jobs'));
        cases.push({
          rules: ROLE.rules.map((r, i) => (i === jobs ? { ...r, verbs: r.verbs.filter((v) => v !== 'delete') } : r)),
          missing: { ...ROLE.rules[jobs]!, verbs: ['delete'] },
        });
        for (const [i, c] of cases.entries()) {
          await setRole(ns, c.rules);
          const run = `r${i + 1}`;
          const res = await sync(kubeconfig, ns, run);
          const what = `${c.missing.resources.join(',')} without ${c.missing.verbs.join(',')}`;
          expect({ what, code: res.code }).toEqual({ what, code: 2 });
          // file:line: Kind name: the kubeconfig's user may not <verbs> <resource> ...
          const output = `${res.stdout}\n${res.stderr}`;
          const lines = output.split('\n').filter((l) => / may not /.test(l));
          const named = lines.filter((l) => {
            const m = /^([^\s:]+\.yaml):(\d+): .* may not ((?:[a-z]+, )*[a-z]+) ([a-z/]+)(?: \(API group [^)]+\))? (?:in namespace|\(cluster-wide\))/.exec(l);
            return m && c.missing.resources.includes(m[4]!) && m[3]!.split(', ').some((v) => c.missing.verbs.includes(v));
          });
          // The inventory (its parent Secret, then its members by label) is read before the engine's
          // access check: a refusal there names the verb and resource the server refused, nothing changed.
          const refused = /the inventory \(Secret [^)]+\) could not be read: .*cannot ([a-z]+) resource "([a-z/]+)"/.exec(output);
          const inventory = !!refused && c.missing.resources.includes(refused[2]!) && c.missing.verbs.includes(refused[1]!);
          expect({ what, named: named.length > 0 || inventory, output }).toEqual({ what, named: true, output });
          expect(output).not.toMatch(/\n\s+at /);
          // Nothing was applied: the cluster still holds the first run.
          expect({ what, diff: await clusterDiff(ns, appObjects('r0')) }).toEqual({ what, diff: [] });
        }

        await setRole(
          ns,
          ROLE.rules.filter((r) => !isLease(r)),
        );
        const unlocked = await sync(kubeconfig, ns, 'r-unlocked');
        expect({ code: unlocked.code, warned: /could not take the lock of app rbac .*running without it/.test(unlocked.stdout + unlocked.stderr) }).toEqual({
          code: 0,
          warned: true,
        });
        await setRole(
          ns,
          ROLE.rules.filter((r) => !degrades(r) || isLease(r)),
        );
        const untrimmed = await sync(kubeconfig, ns, 'r-untrimmed');
        expect({ code: untrimmed.code, tail: untrimmed.stdout.slice(-800) }).toEqual({ code: 0, tail: expect.any(String) });

        // Without delete on ConfigMaps, a prune is refused before anything changes, naming the member.
        const leaving = (o: AppObject) => o.file.startsWith('wave3/');
        const prune = ['sync', '--manifests', '.', '--prune'];
        await setRole(
          ns,
          ROLE.rules.map((r) => (r.resources.includes('configmaps') ? { ...r, verbs: r.verbs.filter((v) => v !== 'delete') } : r)),
        );
        const refusedPrune = await sync(kubeconfig, ns, 'r-refused', { keep: (o) => !leaving(o), args: prune });
        expect({
          code: refusedPrune.code,
          named: /ConfigMap \S+\/w3-cm-\d \(to be pruned[^)]*\): .*may not delete configmaps/.test(refusedPrune.stdout + refusedPrune.stderr),
        }).toEqual({
          code: 2,
          named: true,
        });
        expect(await clusterDiff(ns, appObjects('r-untrimmed'))).toEqual([]);

        // The whole Role again: a prune of what left the manifests, then the app's deletion.
        await setRole(ns, ROLE.rules);
        const pruned = await sync(kubeconfig, ns, 'r-pruned', { keep: (o) => !leaving(o), args: prune });
        expect({ code: pruned.code, stderr: pruned.stderr, tail: pruned.stdout.slice(-1500) }).toEqual({ code: 0, stderr: '', tail: expect.any(String) });
        const kept = appObjects('r-pruned').filter((o) => !leaving(o));
        expect(await clusterDiff(ns, kept)).toEqual([]);
        const gone = appObjects('r-pruned').filter((o) => leaving(o) && !o.hook);
        expect(gone.length).toBeGreaterThan(0);
        expect(await liveNames(ns, gone)).toEqual([]);

        const deleted = await sync(kubeconfig, ns, 'r-deleted', { args: ['delete'] });
        expect({ code: deleted.code, stderr: deleted.stderr, tail: deleted.stdout.slice(-1500) }).toEqual({ code: 0, stderr: '', tail: expect.any(String) });
        expect(
          await liveNames(
            ns,
            kept.filter((o) => !o.hook),
          ),
        ).toEqual([]);
        const parent = await adminConfig()
          .makeApiClient(k8s.CoreV1Api)
          .readNamespacedSecret({ name: 'wavesync-rbac', namespace: ns })
          .then(
            () => 'present',
            () => 'gone',
          );
        expect(parent).toBe('gone');
      }),
    420_000,
  );
});
