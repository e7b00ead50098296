// The kubeconfig as wavesync reads it: clusters, users and contexts, the current context, and the
// selected cluster and user. Our own small model (field names as in @kubernetes/client-node, so a
// config built for either reads the same) instead of client-node's KubeConfig, whose module pulls
// in the whole generated API: 20 MB of JavaScript compiled on every start (issue 13).
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';

export interface Cluster {
  name: string;
  server: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

/** An exec credential plugin (client.authentication.k8s.io), as the kubeconfig writes it. */
export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
  interactiveMode?: string;
  provideClusterInfo?: boolean;
}

export interface User {
  name: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  certData?: string;
  certFile?: string;
  keyData?: string;
  keyFile?: string;
  exec?: ExecConfig;
  authProvider?: { name?: string; config?: Record<string, string> };
  impersonateUser?: string;
}

export interface Context {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** A kubeconfig entry that cannot be read; the message names the entry, never its values. */
export class KubeconfigShapeError extends Error {
  override name = 'KubeconfigShapeError';
}

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function named<T>(list: unknown, section: string, read: (entry: Raw, where: string) => T): T[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new KubeconfigShapeError(`${section} is not a list`);
  return list.map((e, i) => {
    const entry = obj(e);
    if (!str(entry.name)) throw new KubeconfigShapeError(`${section}[${i}].name is missing`);
    return read(entry, `${section}[${i}]`);
  });
}

function readCluster(e: Raw, where: string): Cluster {
  const c = obj(e.cluster);
  if (e.cluster === undefined) throw new KubeconfigShapeError(`${where}.cluster is missing`);
  const server = str(c.server);
  if (!server) throw new KubeconfigShapeError(`${where}.cluster.server is missing`);
  return {
    name: e.name as string,
    server: server.replace(/\/$/, ''),
    caData: str(c['certificate-authority-data']),
    caFile: str(c['certificate-authority']),
    skipTLSVerify: c['insecure-skip-tls-verify'] === true,
    tlsServerName: str(c['tls-server-name']),
    proxyUrl: str(c['proxy-url']),
  };
}

function readExec(v: unknown, where: string): ExecConfig | undefined {
  if (v === undefined || v === null) return undefined;
  const e = obj(v);
  const command = str(e.command);
  if (!command) throw new KubeconfigShapeError(`${where}.user.exec.command is missing`);
  const env = Array.isArray(e.env) ? e.env.map(obj).map((x) => ({ name: String(x.name ?? ''), value: String(x.value ?? '') })) : undefined;
  return {
    command,
    args: Array.isArray(e.args) ? e.args.map(String) : undefined,
    env,
    apiVersion: str(e.apiVersion),
    interactiveMode: str(e.interactiveMode),
    provideClusterInfo: e.provideClusterInfo === true,
  };
}

function readUser(e: Raw, where: string): User {
  const u = obj(e.user);
  const provider = obj(u['auth-provider']);
  return {
    name: e.name as string,
    token: str(u.token),
    tokenFile: str(u.tokenFile) ?? str(u['token-file']),
    username: str(u.username),
    password: str(u.password),
    certData: str(u['client-certificate-data']),
    certFile: str(u['client-certificate']),
    keyData: str(u['client-key-data']),
    keyFile: str(u['client-key']),
    exec: readExec(u.exec, where),
    authProvider: u['auth-provider'] ? { name: str(provider.name), config: obj(provider.config) as Record<string, string> } : undefined,
    impersonateUser: str(u.as),
  };
}

function readContext(e: Raw, where: string): Context {
  const c = obj(e.context);
  if (e.context === undefined) throw new KubeconfigShapeError(`${where}.context is missing`);
  return { name: e.name as string, cluster: str(c.cluster) ?? '', user: str(c.user) ?? '', namespace: str(c.namespace) };
}

export class KubeConfig {
  clusters: Cluster[] = [];
  users: User[] = [];
  contexts: Context[] = [];
  currentContext = '';

  /** Reads a file; relative paths in it (certificates, token files, exec commands) are relative to the file. */
  loadFromFile(path: string): void {
    this.loadFromString(readFileSync(path, 'utf8'));
    this.resolvePaths(dirname(path));
  }

  /** Throws yaml's errors (with a line) or KubeconfigShapeError. */
  loadFromString(text: string): void {
    const doc = obj(parse(text));
    this.clusters = named(doc.clusters, 'clusters', readCluster);
    this.users = named(doc.users, 'users', readUser);
    this.contexts = named(doc.contexts, 'contexts', readContext);
    this.currentContext = str(doc['current-context']) ?? '';
  }

  loadFromOptions(o: { clusters: Partial<Cluster>[]; users: Partial<User>[]; contexts: Context[]; currentContext: string }): void {
    this.clusters = o.clusters.map((c) => ({ skipTLSVerify: false, server: '', name: '', ...c }));
    this.users = o.users.map((u) => ({ name: '', ...u }));
    this.contexts = o.contexts;
    this.currentContext = o.currentContext;
  }

  /** Adds another file's entries; like kubectl, the first definition of a name wins. */
  mergeConfig(other: KubeConfig, preserveContext: boolean): void {
    if (!preserveContext && other.currentContext) this.currentContext = other.currentContext;
    const add = <T extends { name: string }>(mine: T[], theirs: T[]) => {
      for (const t of theirs) if (!mine.some((m) => m.name === t.name)) mine.push(t);
    };
    add(this.clusters, other.clusters);
    add(this.users, other.users);
    add(this.contexts, other.contexts);
  }

  getContexts(): Context[] {
    return this.contexts;
  }
  getUsers(): User[] {
    return this.users;
  }
  getCurrentContext(): string {
    return this.currentContext;
  }
  setCurrentContext(name: string): void {
    this.currentContext = name;
  }
  getContextObject(name: string): Context | null {
    return this.contexts.find((c) => c.name === name) ?? null;
  }
  getCurrentCluster(): Cluster | null {
    const ctx = this.getContextObject(this.currentContext);
    return (ctx && this.clusters.find((c) => c.name === ctx.cluster)) ?? null;
  }
  getCurrentUser(): User | null {
    const ctx = this.getContextObject(this.currentContext);
    return (ctx && this.users.find((u) => u.name === ctx.user)) ?? null;
  }

  private resolvePaths(root: string): void {
    const abs = (p: string | undefined) => (p && !isAbsolute(p) ? resolve(root, p) : p);
    for (const c of this.clusters) c.caFile = abs(c.caFile);
    for (const u of this.users) {
      u.certFile = abs(u.certFile);
      u.keyFile = abs(u.keyFile);
      u.tokenFile = abs(u.tokenFile);
      // kubectl resolves an exec command given as a relative path (with a slash) against the file.
      if (u.exec && u.exec.command.includes('/')) u.exec.command = abs(u.exec.command)!;
    }
  }
}
