// The contenders: how each is built (or why it cannot be) and the command that syncs one workload.
// Every contender gets the same objects in the same order constraints and waits until healthy.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const tool = (root, args) =>
  execFileSync('bash', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim()
    .split('\n')
    .pop();

export function contenders(root) {
  const node = process.execPath;
  return [
    {
      id: 'wavesync',
      label: 'wavesync (dist/cli.js)',
      prepare: () => (existsSync(path.join(root, 'dist/cli.js')) ? {} : { unavailable: 'dist/cli.js missing (npm run bundle failed?)' }),
      // Run from the workload's folder: wavesync reads manifests only inside the repository (cwd here).
      command: ({ kubeconfig, namespace, dirs }) => [
        node,
        [
          path.join(root, 'dist/cli.js'),
          'sync',
          '--manifests',
          dirs.argo,
          '--kubeconfig',
          kubeconfig,
          '--namespace',
          namespace,
          '--app',
          'bench',
          '--timeout',
          '15m',
        ],
        {},
        dirs.base,
      ],
    },
    {
      id: 'floor',
      label: 'floor (SSA per wave, full concurrency, watch)',
      prepare: () => ({}),
      command: ({ kubeconfig, namespace, dirs }) => [node, [path.join(root, 'bench/floor.mjs'), kubeconfig, namespace, dirs.argo]],
    },
    {
      id: 'kubectl',
      label: 'kubectl script (apply --server-side + wait per wave)',
      prepare: () => {
        try {
          execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
          return {};
        } catch {
          return { unavailable: 'kubectl not on PATH' };
        }
      },
      command: ({ kubeconfig, namespace, dirs }) => ['bash', [dirs.kubectl], { KUBECONFIG: kubeconfig, NS: namespace }],
    },
    {
      id: 'helm',
      label: 'Helm 4.3.2 (upgrade --install --wait --wait-for-jobs)',
      prepare() {
        try {
          this.bin = tool(root, ['test/tools/build-go-tool.sh', 'helm', 'helm.sh/helm/v4@v4.3.2', 'helm.sh/helm/v4/cmd/helm']);
          return {};
        } catch (err) {
          return { unavailable: `helm build failed: ${err.message.split('\n')[0]}` };
        }
      },
      command({ kubeconfig, namespace, dirs }) {
        return [
          this.bin,
          ['upgrade', '--install', 'bench', dirs.helm, '--namespace', namespace, '--kubeconfig', kubeconfig, '--wait', '--wait-for-jobs', '--timeout', '15m'],
          { HELM_CACHE_HOME: '/tmp/bench-helm/cache', HELM_CONFIG_HOME: '/tmp/bench-helm/config', HELM_DATA_HOME: '/tmp/bench-helm/data' },
        ];
      },
    },
    ...['2s', '0s'].map((delay) => ({
      id: `gitops-engine-${delay}`,
      label: `Argo CD gitops-engine v0.7.3, wave delay ${delay}${delay === '2s' ? ' (Argo CD default)' : ''}`,
      prepare() {
        try {
          this.bin = tool(root, ['bench/peers/gitops-engine/build.sh']);
          return {};
        } catch (err) {
          return { unavailable: `gitops-engine peer build failed: ${err.message.split('\n')[0]}` };
        }
      },
      command({ kubeconfig, namespace, dirs }) {
        return [this.bin, ['--kubeconfig', kubeconfig, '--namespace', namespace, '--dir', dirs.argo, '--wave-delay', delay, '--timeout', '15m']];
      },
    })),
    {
      id: 'kapp',
      label: 'kapp (Carvel)',
      prepare: () => ({ unavailable: 'carvel.dev/kapp is not served by the Go module proxy this machine can reach, and no other download is allowed' }),
    },
  ];
}
