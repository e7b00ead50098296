// Kubeconfigs for the fault and least-privilege tests: a copy of the admin one pointing at another
// server URL (the fault proxy), and one for a ServiceAccount with a token from the TokenRequest API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { coreApi, kubeconfigPath } from '../setup/cluster.js';

type Doc = { clusters: { cluster: Record<string, unknown> }[]; users: { name: string; user: Record<string, unknown> }[] };

function writePrivate(doc: unknown, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-faults-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, YAML.stringify(doc), { mode: 0o600 });
  return file;
}

/** The admin kubeconfig with every cluster's server set to `server`. */
export function kubeconfigFor(server: string, user?: { name: string; token: string }): string {
  const doc = YAML.parse(fs.readFileSync(kubeconfigPath(), 'utf8')) as Doc;
  for (const c of doc.clusters) c.cluster.server = server;
  if (user) for (const u of doc.users) u.user = { token: user.token };
  return writePrivate(doc, 'kubeconfig');
}

/** The admin kubeconfig's server URL. */
export function adminServer(): { url: string; host: string; port: number } {
  const doc = YAML.parse(fs.readFileSync(kubeconfigPath(), 'utf8')) as Doc;
  const url = String(doc.clusters[0]!.cluster.server);
  const u = new URL(url);
  return { url, host: u.hostname, port: Number(u.port) };
}

/** A ServiceAccount's token, from the TokenRequest API (valid for an hour). */
export async function serviceAccountToken(namespace: string, name: string): Promise<string> {
  const res = await coreApi().createNamespacedServiceAccountToken({
    name,
    namespace,
    body: {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { audiences: [], expirationSeconds: 3600 },
    } as k8s.AuthenticationV1TokenRequest,
  });
  const token = res.status?.token;
  if (!token) throw new Error(`no token for ServiceAccount ${namespace}/${name}`);
  return token;
}

/** The objects of a YAML stream, applied server-side as the admin (field manager "e2e"). */
export async function applyAll(text: string, namespace?: string): Promise<k8s.KubernetesObject[]> {
  const api = k8s.KubernetesObjectApi.makeApiClient(adminConfig());
  const out: k8s.KubernetesObject[] = [];
  for (const doc of YAML.parseAllDocuments(text)) {
    const obj = doc.toJS() as k8s.KubernetesObject | null;
    if (!obj) continue;
    if (namespace && !obj.metadata?.namespace && obj.kind !== 'ClusterRole' && obj.kind !== 'ClusterRoleBinding') {
      obj.metadata = { ...obj.metadata, namespace };
    }
    out.push(await api.patch(obj, undefined, undefined, 'e2e', true, k8s.PatchStrategy.ServerSideApply));
  }
  return out;
}

let admin: k8s.KubeConfig | undefined;
export function adminConfig(): k8s.KubeConfig {
  if (!admin) {
    admin = new k8s.KubeConfig();
    admin.loadFromFile(kubeconfigPath());
  }
  return admin;
}
