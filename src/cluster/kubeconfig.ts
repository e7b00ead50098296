// Where the kubeconfig comes from: --kubeconfig, then KUBECONFIG, then ~/.kube/config; or, for the
// action, the `kubeconfig` input written to a private temp file. Contents are never printed: parse
// errors name the file only, since YAML errors quote the offending text.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, KubeconfigShapeError } from './kubeconfig-model.js';
import { KUBECONFIG_DIR_PREFIX } from '../model/temp-names.js';

/** A problem with the user's kubeconfig; the message is safe to print. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigError';
  }
}

export interface KubeconfigOptions {
  /** Explicit file (--kubeconfig); wins over the environment. */
  path?: string;
  /** Context to use instead of the file's current-context. */
  context?: string;
  /** For tests: the environment and home directory to read. */
  env?: Record<string, string | undefined>;
  home?: string;
}

/** The files to load, in order; KUBECONFIG may list several, like kubectl. */
export function kubeconfigPaths(opts: KubeconfigOptions = {}): string[] {
  if (opts.path) return [opts.path];
  const env = opts.env ?? process.env;
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p !== '');
  if (fromEnv.length > 0) return fromEnv;
  return [join(opts.home ?? homedir(), '.kube', 'config')];
}

function loadFile(path: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT') throw new KubeconfigError(`${path}: kubeconfig file not found`);
    if (code === 'EACCES') throw new KubeconfigError(`${path}: kubeconfig file is not readable`);
    // yaml's errors quote the offending text (which may be a credential): only the line is kept.
    const line = (err as { linePos?: { line?: number }[] }).linePos?.[0]?.line;
    const where = typeof line === 'number' ? `${path}:${line}` : path;
    if (!(err instanceof KubeconfigShapeError)) throw new KubeconfigError(`${where}: not a valid kubeconfig (expected YAML with clusters, users and contexts)`);
    const missing = /^(clusters|users|contexts)\[(\d+)\]\.([\w.-]+) is missing$/.exec(err.message);
    if (missing?.[3] === 'cluster.server') {
      throw new KubeconfigError(
        `${where}: clusters[${missing[2]}] has no server URL: set cluster.server to the API server's address, such as https://host:6443`,
      );
    }
    if (missing) throw new KubeconfigError(`${where}: ${missing[1]}[${missing[2]}].${missing[3]} is missing; a kubeconfig needs clusters, users and contexts`);
    throw new KubeconfigError(`${where}: ${err.message}`);
  }
  return kc;
}

/** Load and select the context. Throws KubeconfigError with a printable message. */
export function loadKubeConfig(opts: KubeconfigOptions = {}): KubeConfig {
  const paths = kubeconfigPaths(opts);
  const explicit = Boolean(opts.path);
  // Like kubectl, missing entries in KUBECONFIG are skipped; an explicit file must exist.
  const existing = explicit ? paths : paths.filter((p) => existsSync(p));
  if (existing.length === 0) {
    throw new KubeconfigError(`no kubeconfig found (looked at ${paths.join(', ')}): pass --kubeconfig, set KUBECONFIG or create ~/.kube/config`);
  }
  const kc = loadFile(existing[0]!);
  for (const path of existing.slice(1)) {
    // Like kubectl, the first current-context set wins; later files only add entries.
    kc.mergeConfig(loadFile(path), Boolean(kc.getCurrentContext()));
  }
  selectContext(kc, opts.context, existing[0]!);
  return kc;
}

function selectContext(kc: KubeConfig, context: string | undefined, file: string): void {
  const names = kc.getContexts().map((c) => c.name);
  if (context) {
    if (!names.includes(context)) {
      const known = names.length > 0 ? names.join(', ') : 'none';
      throw new KubeconfigError(`context "${context}" not found in ${file} (contexts: ${known})`);
    }
    kc.setCurrentContext(context);
  } else if (!kc.getCurrentContext() || !names.includes(kc.getCurrentContext())) {
    throw new KubeconfigError(`${file}: no current-context set; pass --context (contexts: ${names.join(', ') || 'none'})`);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster?.server) {
    throw new KubeconfigError(`${file}: context "${kc.getCurrentContext()}" has no cluster with a server URL`);
  }
  if (!isHttpUrl(cluster.server)) {
    throw new KubeconfigError(`${file}: cluster "${cluster.name}" has server "${cluster.server}", which is not an https:// or http:// URL`);
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** The namespace the selected context names, or "default". */
export function contextNamespace(kc: KubeConfig): string {
  return kc.getContextObject(kc.getCurrentContext())?.namespace || 'default';
}

export interface TempKubeconfig {
  path: string;
  /** Remove the file; safe to call more than once. */
  cleanup(): void;
}

/** Write kubeconfig text (the action's input) to a 0600 file in a private directory. */
export function kubeconfigFromInput(text: string, dir: string = process.env.RUNNER_TEMP || tmpdir()): TempKubeconfig {
  if (text.trim() === '') throw new KubeconfigError('the kubeconfig input is empty');
  const folder = mkdtempSync(join(dir, KUBECONFIG_DIR_PREFIX));
  chmodSync(folder, 0o700);
  const path = join(folder, 'config');
  writeFileSync(path, text, { mode: 0o600 });
  // mode is masked by the umask on creation; make sure.
  chmodSync(path, 0o600);
  let removed = false;
  return {
    path,
    cleanup() {
      if (removed) return;
      removed = true;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
