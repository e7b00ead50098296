// Helpers for e2e tests against the local control plane (test/cluster).
//
//   import { kubeConfig, useNamespace, waitFor } from '../setup/cluster.js';
//
// The kubeconfig comes from globalSetup (process.env.WAVESYNC_E2E_KUBECONFIG),
// falling back to test/cluster/.state/kubeconfig.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';

/** Pod annotations/labels understood by the kwok stages in test/cluster/stages. */
export const SIM = {
  /** annotation (or label): fail | never-ready | image-pull-backoff | crash-loop */
  outcome: 'wavesync.test/outcome',
  /** annotation (or label): Go duration before a Job pod completes/fails, e.g. "3s" */
  runFor: 'wavesync.test/run-for',
  /** annotation: `kubectl logs` content for every container, lines separated by "\n" */
  log: 'wavesync.test/log',
  /** annotation prefix: `${SIM.logPrefix}<container>` sets one container's log (wins over SIM.log) */
  logPrefix: 'wavesync.test/log.',
} as const;

export type Outcome = 'fail' | 'never-ready' | 'image-pull-backoff' | 'crash-loop';

/** Label put on every namespace created by these helpers. */
export const E2E_NAMESPACE_LABEL = 'wavesync.test/e2e';

export function kubeconfigPath(): string {
  return process.env.WAVESYNC_E2E_KUBECONFIG ?? path.resolve(process.cwd(), process.env.WAVESYNC_CLUSTER_STATE ?? 'test/cluster/.state', 'kubeconfig');
}

let cached: k8s.KubeConfig | undefined;

/** A KubeConfig loaded from the local cluster's kubeconfig (shared per worker). */
export function kubeConfig(): k8s.KubeConfig {
  if (!cached) {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfigPath());
    cached = kc;
  }
  return cached;
}

export function coreApi(): k8s.CoreV1Api {
  return kubeConfig().makeApiClient(k8s.CoreV1Api);
}
export function appsApi(): k8s.AppsV1Api {
  return kubeConfig().makeApiClient(k8s.AppsV1Api);
}
export function batchApi(): k8s.BatchV1Api {
  return kubeConfig().makeApiClient(k8s.BatchV1Api);
}
export function objectApi(): k8s.KubernetesObjectApi {
  return k8s.KubernetesObjectApi.makeApiClient(kubeConfig());
}

/** `${prefix}-<random>`, valid as a namespace name. */
export function uniqueName(prefix: string): string {
  const p =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'e2e';
  return `${p}-${randomBytes(4).toString('hex')}`;
}

export async function createNamespace(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await coreApi().createNamespace({
    body: { metadata: { name, labels: { [E2E_NAMESPACE_LABEL]: 'true' } } },
  });
  // Pods cannot be created until the namespace's `default` ServiceAccount exists.
  await waitFor(
    async () => {
      try {
        await coreApi().readNamespacedServiceAccount({ name: 'default', namespace: name });
        return true;
      } catch {
        return false;
      }
    },
    { timeoutMs: 30_000, description: `ServiceAccount default in namespace ${name}` },
  );
  return name;
}

/** Delete a namespace (background; the namespace controller finishes it). 404 is ignored. */
export async function deleteNamespace(name: string, opts: { wait?: boolean } = {}): Promise<void> {
  try {
    await coreApi().deleteNamespace({ name, propagationPolicy: 'Background' });
  } catch (e) {
    if (statusCode(e) !== 404) throw e;
  }
  if (opts.wait) {
    await waitFor(
      async () => {
        try {
          await coreApi().readNamespace({ name });
          return false;
        } catch (e) {
          return statusCode(e) === 404;
        }
      },
      { timeoutMs: 60_000, description: `namespace ${name} to be deleted` },
    );
  }
}

/**
 * Run `fn` with a fresh namespace, deleting it afterwards (even on failure).
 *
 *   it('...', () => withNamespace('deploy', async (ns) => { ... }));
 */
export async function withNamespace<T>(prefix: string, fn: (namespace: string) => Promise<T>): Promise<T> {
  const ns = await createNamespace(prefix);
  try {
    return await fn(ns);
  } finally {
    if (process.env.WAVESYNC_E2E_KEEP_NAMESPACES !== '1') await deleteNamespace(ns);
  }
}

/**
 * Register beforeAll/afterAll hooks that create a namespace for the enclosing
 * describe block and delete it afterwards. Read `.name` inside tests.
 */
export function useNamespace(prefix: string): { readonly name: string } {
  let name: string | undefined;
  beforeAll(async () => {
    name = await createNamespace(prefix);
  });
  afterAll(async () => {
    if (name && process.env.WAVESYNC_E2E_KEEP_NAMESPACES !== '1') await deleteNamespace(name);
  });
  return {
    get name(): string {
      if (!name) throw new Error('useNamespace: namespace not created yet (use it inside a test or hook)');
      return name;
    },
  };
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  description?: string;
}

/**
 * Poll `fn` until it returns a truthy value (which is returned). Errors thrown
 * by `fn` are retried; the last one is reported on timeout.
 */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 60_000, intervalMs = 250, description = 'condition' } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown;
  for (;;) {
    try {
      const v = await fn();
      lastValue = v;
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `; last error: ${String((lastError as Error)?.message ?? lastError)}` : `; last value: ${JSON.stringify(lastValue)}`;
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${description}${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** HTTP status of a client-node ApiException (or undefined). */
export function statusCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

export function condition<C extends { type: string; status: string }>(conditions: C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}
