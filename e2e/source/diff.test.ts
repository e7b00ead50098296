// wavesync diff on the local control plane: after a sync, a new object, a one-field change and an
// unchanged object are classified right; a changed Secret shows *** and never its values; hooks
// are listed by phase and wave; --exit-code says whether anything would change.
import { describe, expect, it } from '@jest/globals';
import { cli } from '../diff/cli.js';
import { withNamespace } from '../setup/cluster.js';
import { writeRepo } from '../../test/source/tools.js';
import fs from 'node:fs';
import path from 'node:path';

const cm = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  value: "${value}"\n`;
const secret = (name: string, value: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n  password: "${value}"\n`;
const hook = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations: { argocd.argoproj.io/hook: PreSync, argocd.argoproj.io/sync-wave: "-1" }
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: m, image: busybox }]
`;

describe('wavesync diff', () => {
  it('new, changed (one field), unchanged; a changed Secret masked; hooks by phase and wave; --exit-code', () =>
    withNamespace('src-diff', async (ns) => {
      const OLD_SECRET = 'old-password-value-1';
      const NEW_SECRET = 'new-password-value-2';
      const dir = writeRepo({
        'k8s/app.yaml': [cm('same', 'one'), cm('edited', 'one'), secret('creds', OLD_SECRET), secret('keys', 'kept-value')].join('---\n'),
      });
      const sync = await cli(dir, ['sync', '--manifests', 'k8s', '--namespace', ns, '--app', 'difftest', '--output', 'json']);
      expect(sync.code).toBe(0);

      const same = await cli(dir, ['diff', '--manifests', 'k8s', '--namespace', ns, '--app', 'difftest', '--exit-code']);
      expect({ code: same.code, stderr: same.stderr }).toEqual({ code: 0, stderr: '' });
      expect(same.stdout).toContain('0 new, 0 changed, 4 unchanged');

      fs.writeFileSync(
        path.join(dir, 'k8s/app.yaml'),
        [cm('same', 'one'), cm('edited', 'two'), secret('creds', NEW_SECRET), secret('keys', 'kept-value'), cm('added', 'x'), hook].join('---\n'),
      );
      const run = await cli(dir, ['diff', '--manifests', 'k8s', '--namespace', ns, '--app', 'difftest', '--output', 'json', '--exit-code']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
      const out = JSON.parse(run.stdout) as {
        counts: unknown;
        changes: boolean;
        objects: { kind: string; name: string; change: string; diff: string }[];
        hooks: { phase: string; wave: number; name: string }[];
      };
      expect(out.changes).toBe(true);
      expect(Object.fromEntries(out.objects.map((o) => [`${o.kind}/${o.name}`, o.change]))).toEqual({
        'ConfigMap/same': 'unchanged',
        'ConfigMap/edited': 'changed',
        'ConfigMap/added': 'new',
        'Secret/creds': 'changed',
        'Secret/keys': 'unchanged',
      });
      const edited = out.objects.find((o) => o.name === 'edited')!.diff;
      expect(edited.split('\n').filter((l) => /^[-+] /.test(l))).toEqual(['-  value: one', '+  value: two']);
      const creds = out.objects.find((o) => o.name === 'creds')!.diff;
      expect(creds).toContain('-  password: "***"\n+  password: "*** (changed)"');
      for (const v of [OLD_SECRET, NEW_SECRET, 'kept-value']) {
        expect(run.stdout).not.toContain(v);
        expect(run.stdout).not.toContain(Buffer.from(v).toString('base64'));
      }
      expect(out.hooks).toEqual([expect.objectContaining({ phase: 'PreSync', wave: -1, name: 'migrate' })]);

      const text = await cli(dir, ['diff', '--manifests', 'k8s', '--namespace', ns, '--app', 'difftest']);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/~ ConfigMap \S+\/edited \(k8s\/app\.yaml:\d+\): changed/);
      expect(text.stdout).toContain('PreSync wave -1: Job');
    }));
});
