// What must never appear in what the action writes: the kubeconfig's credentials (as given, and
// decoded) and the Secret values of the manifests.
import fs from 'node:fs';
import YAML from 'yaml';
import { kubeconfigPath } from '../setup/cluster.js';

export function kubeconfigText(): string {
  return fs.readFileSync(kubeconfigPath(), 'utf8');
}

/** The credential fields of every user, base64 as written and each decoded PEM body line. */
export function kubeconfigCredentials(text = kubeconfigText()): string[] {
  const doc = YAML.parse(text) as { users?: { user?: Record<string, unknown> }[] };
  const out: string[] = [];
  for (const u of doc.users ?? []) {
    for (const field of ['client-key-data', 'client-certificate-data', 'token', 'password']) {
      const v = u.user?.[field];
      if (typeof v !== 'string' || v === '') continue;
      out.push(v);
      if (field.endsWith('-data')) {
        const pem = Buffer.from(v, 'base64').toString('utf8');
        // Long body lines of the PEM: any of them in a text would be a leak.
        out.push(...pem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-----')));
      }
    }
  }
  if (out.length === 0) throw new Error('the test kubeconfig has no credentials to look for');
  return out;
}

/** The secrets found in `text` (empty when there is none). */
export function leaked(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => text.includes(s)).map((s) => `${s.slice(0, 12)}…`);
}

/**
 * The step's stdout without the `::add-mask::` commands: those hand the secrets to the runner so it
 * masks them, and the runner never shows them.
 */
export function visibleStdout(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

/** The values a step must register with `::add-mask::` one by one: the key and the certificate, and each line of the decoded key. */
export function credentialsToMask(text = kubeconfigText()): string[] {
  const doc = YAML.parse(text) as { users?: { user?: Record<string, unknown> }[] };
  const out: string[] = [];
  for (const u of doc.users ?? []) {
    const key = u.user?.['client-key-data'];
    const cert = u.user?.['client-certificate-data'];
    if (typeof key === 'string')
      out.push(
        key,
        ...Buffer.from(key, 'base64')
          .toString('utf8')
          .split('\n')
          .filter((l) => l.length >= 16 && !l.startsWith('-----')),
      );
    if (typeof cert === 'string') out.push(cert);
  }
  return out;
}
