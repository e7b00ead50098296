// The runner masks a multi-line secret line by line: a kubeconfig's line `client-key-data: <key>`
// is masked only where the whole line appears. Mask each credential value on its own (and each
// line of a decoded key), so the value is hidden wherever something prints it.
import * as core from '../report/runner.js';
import type { KubeConfig } from '../cluster/kubeconfig-model.js';

const SECRET_CONFIG_KEY = /token|secret|password/i;

/** The values of a kubeconfig that grant access to the cluster. */
export function kubeconfigCredentials(kc: KubeConfig): string[] {
  const out: string[] = [];
  for (const u of kc.getUsers()) {
    for (const v of [u.keyData, u.certData, u.token, u.password]) if (v) out.push(v);
    if (u.keyData) out.push(...pemBodyLines(u.keyData));
    const config = (u.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {};
    for (const [k, v] of Object.entries(config)) if (SECRET_CONFIG_KEY.test(k) && typeof v === 'string' && v) out.push(v);
    for (const e of u.exec?.env ?? []) if (SECRET_CONFIG_KEY.test(e.name) && e.value) out.push(e.value);
  }
  return [...new Set(out)];
}

/** Registers every credential with the runner's log masker. */
export function maskKubeconfigCredentials(kc: KubeConfig): void {
  for (const v of kubeconfigCredentials(kc)) core.setSecret(v);
}

function pemBodyLines(base64: string): string[] {
  const pem = Buffer.from(base64, 'base64').toString('utf8');
  return pem.split(/\r?\n/).filter((l) => l.length >= 16 && !l.startsWith('-----'));
}
