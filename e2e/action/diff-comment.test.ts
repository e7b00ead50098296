// The bundled action in mode diff on a pull request, against the local control plane and the
// stand-in GitHub API: the job summary shows the diff, the check run is neutral, and with
// comment-on-pr one comment is created and then edited on the next run, never duplicated.
import { afterEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { FakeGitHub } from '../../test/github/fake-server.js';
import { writeRepo } from '../../test/source/tools.js';
import { withNamespace } from '../setup/cluster.js';
import { kubeconfigText } from './secrets.js';
import { forkPullRequestEvent, pushEvent, runStep } from './step.js';

const TOKEN = 'ghs_diffCommentToken0123456789abcdef';
const cm = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  value: "${value}"\n`;

let github: FakeGitHub;
afterEach(async () => {
  await github?.stop();
});

describe('action mode diff on a pull request', () => {
  it('summary, neutral check run, changes output; the PR comment is created once and then edited', () =>
    withNamespace('src-diff-action', async (ns) => {
      github = await new FakeGitHub().start();
      const workspace = writeRepo({ 'k8s/app.yaml': [cm('kept', 'one'), cm('edited', 'one')].join('---\n') });
      const base = { manifests: 'k8s', namespace: ns, app: 'shop', token: TOKEN, kubeconfig: kubeconfigText() };
      const sync = await runStep({ workspace, apiUrl: github.url, event: pushEvent(), inputs: { ...base, mode: 'sync', timeout: '60s' } });
      expect(sync.code).toBe(0);

      fs.writeFileSync(path.join(workspace, 'k8s/app.yaml'), [cm('kept', 'one'), cm('edited', 'two'), cm('added', 'x')].join('---\n'));
      const inputs = { ...base, mode: 'diff', 'comment-on-pr': 'true' };
      const first = await runStep({ workspace, apiUrl: github.url, event: forkPullRequestEvent(), inputs });
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(first.outputs.changes).toBe('true');
      expect(first.summary).toContain('1 new, 1 changed, 1 unchanged');
      expect(first.summary).toContain('+  value: two');
      const checks = [...github.checkRuns.values()].filter((r) => r.conclusion !== null && r.head_sha !== '' && r.name.includes('shop'));
      expect(checks.at(-1)?.conclusion).toBe('neutral');
      // The check run shows the diff, not the plan.
      expect(checks.at(-1)?.output.title).toBe('Diff: 1 new, 1 changed, 1 unchanged, 0 would prune (nothing applied)');
      expect(checks.at(-1)?.output.summary).toContain(`| ~ changed | ConfigMap | ${ns}/edited | \`k8s/app.yaml:8\` |`);
      expect(checks.at(-1)?.output.text).toContain('+  value: two');

      // kept leaves the manifests: the sync's inventory says a sync with prune would delete it.
      fs.writeFileSync(path.join(workspace, 'k8s/app.yaml'), cm('edited', 'three'));
      const second = await runStep({ workspace, apiUrl: github.url, event: forkPullRequestEvent(), inputs: { ...inputs, 'diff-exit-code': 'true' } });
      expect(second.code).not.toBe(0);
      expect(second.stdout).toContain('a sync would change the cluster (0 new, 1 changed, 1 would prune); diff-exit-code is on');
      expect(second.outputs.changes).toBe('true');
      expect(second.summary).toContain(`| 🗑️ would prune | ConfigMap | ${ns}/kept | 0 |`);

      const comments = github.comments.get(7) ?? [];
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toMatch(/^<!-- wavesync-diff:shop -->\n/);
      expect(comments[0].body).toContain('+  value: three');
      expect(comments[0].body).toContain('0 new, 1 changed, 0 unchanged, 1 would prune');
      expect(github.calls('issues/create-comment')).toHaveLength(1);
      expect(github.calls('issues/update-comment')).toHaveLength(1);
      expect(github.validationErrors).toEqual([]);
    }));
});
