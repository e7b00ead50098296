import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSyncPipeline } from '../../src/pipeline/sync.js';
import { ResourceScope } from '../../src/pipeline/scope.js';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:9" } }]
users: [{ name: u, user: { token: not-a-real-token } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`;

describe('ResourceScope', () => {
  it('releases last first, on success and on a throw, and a failing release does not stop the rest', async () => {
    const order: string[] = [];
    const failures: string[] = [];
    await expect(
      ResourceScope.run(
        async (scope) => {
          scope.defer('a', () => void order.push('a'));
          scope.defer('b', () => {
            throw new Error('boom');
          });
          scope.defer('c', async () => void order.push('c'));
          throw new Error('the run failed');
        },
        (f) => failures.push(f),
      ),
    ).rejects.toThrow('the run failed');
    expect(order).toEqual(['c', 'a']);
    expect(failures).toEqual(['could not release b: boom']);
  });
});

describe('the sync pipeline releases everything when it refuses the manifests', () => {
  it('removes the kubeconfig copy, registers no signal handler, reports the problems', async () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'wavesync-scope-'));
    const sigterm = process.listenerCount('SIGTERM');
    let loaded = 0;
    let reported: number | null = null;
    const run = await runSyncPipeline(
      {
        manifests: ['__tests__/fixtures/bad-annotations'],
        root: process.cwd(),
        app: 'bad',
        namespace: 'default',
        revision: null,
        mode: 'sync',
        cluster: { text: KUBECONFIG, tempDir: temp, env: {}, label: 'input kubeconfig' },
        timeoutMs: 1000,
        waveDelayMs: 0,
        failFastAfterMs: 0,
        createNamespace: false,
        healthChecks: {},
      },
      {
        onKubeconfig: () => void loaded++,
        reporter: () => ({ finish: async (r) => void (reported = r.problems.length) }),
      },
    );
    expect(run.result).toBeNull();
    expect(run.problems).toHaveLength(9);
    expect(reported).toBe(9);
    expect(loaded).toBe(1); // the copy was written and read...
    expect(readdirSync(temp)).toEqual([]); // ...and is gone
    expect(process.listenerCount('SIGTERM')).toBe(sigterm);
  });
});
