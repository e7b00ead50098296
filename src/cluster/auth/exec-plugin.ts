// Exec credential plugins (client.authentication.k8s.io: aws eks get-token, gke-gcloud-auth-plugin,
// kubelogin): run the command, read the ExecCredential it prints, and keep it until it expires.
// Never interactive: a deploy step has no one to answer a prompt.
import { spawn } from 'node:child_process';
import type { Cluster, ExecConfig } from '../kubeconfig-model.js';

export interface ExecCredential {
  token?: string;
  /** PEM. */
  clientCertificateData?: string;
  clientKeyData?: string;
  /** ms since the epoch; undefined when the plugin gave none (kept until the server says 401). */
  expiresAt?: number;
}

/** A plugin that could not give a credential; the message never holds what it printed on stdout. */
export class ExecPluginError extends Error {
  override name = 'ExecPluginError';
}

const DEFAULT_API_VERSION = 'client.authentication.k8s.io/v1';
const PLUGIN_TIMEOUT_MS = 60_000;
/** A credential this close to its expiry is fetched again. */
const EXPIRY_MARGIN_MS = 10_000;

function execInfo(exec: ExecConfig, cluster: Cluster | null): string {
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && cluster) {
    spec.cluster = {
      server: cluster.server,
      'tls-server-name': cluster.tlsServerName,
      'insecure-skip-tls-verify': cluster.skipTLSVerify,
      'certificate-authority-data': cluster.caData,
      'proxy-url': cluster.proxyUrl,
    };
  }
  return JSON.stringify({ apiVersion: exec.apiVersion ?? DEFAULT_API_VERSION, kind: 'ExecCredential', spec });
}

/** Last lines of what the plugin printed on stderr, for the error message (stdout may hold a token). */
function tail(text: string): string {
  const lines = text.trim().split(/\r?\n/).filter(Boolean).slice(-3).join(' | ');
  return lines.length > 500 ? `${lines.slice(0, 500)}…` : lines;
}

export function runExecPlugin(exec: ExecConfig, cluster: Cluster | null, env: NodeJS.ProcessEnv = process.env): Promise<ExecCredential> {
  const name = exec.command;
  if (exec.interactiveMode === 'Always')
    return Promise.reject(new ExecPluginError(`exec plugin ${name} asks for interactiveMode: Always, but a deploy step cannot answer prompts`));
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...env, KUBERNETES_EXEC_INFO: execInfo(exec, cluster) };
    for (const e of exec.env ?? []) childEnv[e.name] = e.value;
    const child = spawn(exec.command, exec.args ?? [], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    // Our own timer (spawn's `timeout` outlives a command that never started, holding the process).
    const timer = setTimeout(() => child.kill('SIGTERM'), PLUGIN_TIMEOUT_MS);
    timer.unref();
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ExecPluginError(e.code === 'ENOENT' ? `exec plugin ${name} was not found on PATH` : `exec plugin ${name} could not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        const why = signal ? `was stopped by ${signal}` : `exited with ${code}`;
        return reject(new ExecPluginError(`exec plugin ${name} ${why}${err.trim() ? `: ${tail(err)}` : ''}`));
      }
      try {
        resolve(parseCredential(out, name));
      } catch (e) {
        reject(e);
      }
    });
  });
}

export function parseCredential(stdout: string, name: string): ExecCredential {
  let doc: { kind?: unknown; status?: Record<string, unknown> };
  try {
    doc = JSON.parse(stdout);
  } catch {
    throw new ExecPluginError(`exec plugin ${name} did not print an ExecCredential (its output is not JSON)`);
  }
  const status = doc?.status;
  if (doc?.kind !== 'ExecCredential' || !status || typeof status !== 'object')
    throw new ExecPluginError(`exec plugin ${name} did not print an ExecCredential with a status`);
  const s = (k: string) => (typeof status[k] === 'string' && status[k] !== '' ? (status[k] as string) : undefined);
  const cred: ExecCredential = { token: s('token'), clientCertificateData: s('clientCertificateData'), clientKeyData: s('clientKeyData') };
  if (!cred.token && !(cred.clientCertificateData && cred.clientKeyData))
    throw new ExecPluginError(`exec plugin ${name} gave neither a token nor a client certificate and key`);
  const expiry = s('expirationTimestamp');
  if (expiry) {
    const at = Date.parse(expiry);
    if (Number.isNaN(at)) throw new ExecPluginError(`exec plugin ${name} gave an expirationTimestamp that is not a time: ${expiry}`);
    cred.expiresAt = at;
  }
  return cred;
}

/** One plugin's credential, fetched once for concurrent callers and again when it expires. */
export class ExecCredentials {
  private current: Promise<ExecCredential> | null = null;

  constructor(
    private readonly exec: ExecConfig,
    private readonly cluster: Cluster | null,
    private readonly now: () => number = Date.now,
    private readonly run: typeof runExecPlugin = runExecPlugin,
  ) {}

  async get(): Promise<ExecCredential> {
    if (this.current) {
      const cred = await this.current.catch(() => null);
      if (cred && (cred.expiresAt === undefined || cred.expiresAt - EXPIRY_MARGIN_MS > this.now())) return cred;
      this.current = null;
    }
    const fetching = this.run(this.exec, this.cluster);
    this.current = fetching;
    // A failure is not kept: the next request runs the plugin again.
    fetching.catch(() => {
      if (this.current === fetching) this.current = null;
    });
    return fetching;
  }

  /** The server refused the credential (401): the next request fetches a new one. */
  forget(): void {
    this.current = null;
  }
}
