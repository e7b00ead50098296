// The cluster for one run: the kubeconfig (a private copy of the action's input), the client and
// its watches, each released by the run's scope whatever happens next.
import type { KubeConfig } from '../cluster/kubeconfig-model.js';
import { CredentialsError } from '../cluster/auth/credentials.js';
import { createKubeCluster, type KubeCluster } from '../cluster/kube/adapter.js';
import { KubeconfigError, kubeconfigFromInput, loadKubeConfig } from '../cluster/kubeconfig.js';
import type { Problem } from '../model/problems.js';
import type { ClusterOptions } from './options.js';
import type { ResourceScope } from './scope.js';

export function connect(
  opts: ClusterOptions,
  scope: ResourceScope,
  onKubeconfig?: (kc: KubeConfig) => void,
): { cluster: KubeCluster | null; problems: Problem[] } {
  try {
    let path = opts.path;
    if (opts.text) {
      const temp = kubeconfigFromInput(opts.text, opts.tempDir);
      scope.defer('the kubeconfig copy', () => temp.cleanup());
      path = temp.path;
    }
    const kc = loadKubeConfig({ path, context: opts.context || undefined, env: opts.env });
    onKubeconfig?.(kc);
    const cluster = createKubeCluster(kc, { retry: debugRetries(opts.env) });
    scope.defer('the cluster client', () => cluster.close());
    return { cluster, problems: [] };
  } catch (err) {
    if (!(err instanceof KubeconfigError) && !(err instanceof CredentialsError)) throw err;
    return { cluster: null, problems: [{ source: null, message: `${opts.label}: ${err.message}` }] };
  }
}

/** WAVESYNC_DEBUG_HTTP=1: one stderr line per retried request (which error, how long the pause). */
function debugRetries(env: Record<string, string | undefined>): { onRetry?: (err: unknown, attempt: number, delayMs: number) => void } {
  if (env.WAVESYNC_DEBUG_HTTP !== '1') return {};
  return {
    onRetry: (err, attempt, delayMs) =>
      process.stderr.write(
        `wavesync debug: ${new Date().toISOString()} attempt ${attempt} failed (${err instanceof Error ? err.message : String(err)}); retrying in ${delayMs}ms\n`,
      ),
  };
}
