// What a request to the API server carries to say who sends it, from the kubeconfig's user:
// a bearer token (inline, from a token file re-read each minute as client-go does, from an exec
// plugin, or a legacy auth-provider's cached token), basic auth, or a client certificate (inline,
// from files, or from an exec plugin); plus impersonation. The server's trust (CA, SNI, skip
// verify) comes from the cluster entry.
import { readFileSync } from 'node:fs';
import type { Cluster, User } from '../kubeconfig-model.js';
import { ExecCredentials } from './exec-plugin.js';

export interface TlsIdentity {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
  servername?: string;
}

export interface RequestAuth {
  headers: Record<string, string>;
  tls: TlsIdentity;
}

/** A kubeconfig whose credentials cannot be used; the message names the entry, never a value. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

const TOKEN_FILE_REREAD_MS = 60_000;

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

function readPem(what: string, data: string | undefined, file: string | undefined): string | undefined {
  if (data) return decode(data);
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CredentialsError(`cannot read the ${what} file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export class Credentials {
  private readonly exec: ExecCredentials | null;
  private readonly base: TlsIdentity;
  private tokenFromFile: { token: string; readAt: number } | null = null;

  constructor(
    cluster: Cluster,
    private readonly user: User | null,
    private readonly now: () => number = Date.now,
  ) {
    const u = user ?? { name: '' };
    const provider = u.authProvider;
    if (provider && !u.token && !providerToken(provider.config) && !provider.config?.tokenFile) {
      throw new CredentialsError(
        `user "${u.name}" uses auth-provider "${provider.name ?? '?'}", which wavesync does not run (kubectl dropped these too): use its exec plugin instead (for example kubelogin or gke-gcloud-auth-plugin)`,
      );
    }
    this.exec = u.exec ? new ExecCredentials(u.exec, cluster, now) : null;
    this.base = {
      ca: readPem('certificate-authority', cluster.caData, cluster.caFile),
      cert: readPem('client-certificate', u.certData, u.certFile),
      key: readPem('client-key', u.keyData, u.keyFile),
      rejectUnauthorized: !cluster.skipTLSVerify,
      servername: cluster.tlsServerName,
    };
    if (Boolean(this.base.cert) !== Boolean(this.base.key))
      throw new CredentialsError(`user "${u.name}" has a client certificate without its key, or a key without its certificate`);
  }

  /** Headers and TLS identity for the next request (runs an exec plugin when its credential expired). */
  async forRequest(): Promise<RequestAuth> {
    const u = this.user;
    const headers: Record<string, string> = {};
    let tls = this.base;
    if (this.exec) {
      const cred = await this.exec.get();
      if (cred.token) headers.authorization = `Bearer ${cred.token}`;
      if (cred.clientCertificateData && cred.clientKeyData) tls = { ...tls, cert: cred.clientCertificateData, key: cred.clientKeyData };
    }
    if (!headers.authorization && u) {
      const token = u.token ?? this.fileToken() ?? providerToken(u.authProvider?.config);
      if (token) headers.authorization = `Bearer ${token}`;
      else if (u.username) headers.authorization = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
    }
    if (u?.impersonateUser) headers['impersonate-user'] = u.impersonateUser;
    return { headers, tls };
  }

  /** The server answered 401: an exec plugin's credential is fetched again next time. */
  refused(): void {
    this.exec?.forget();
    this.tokenFromFile = null;
  }

  private fileToken(): string | undefined {
    const file = this.user?.tokenFile ?? this.user?.authProvider?.config?.tokenFile;
    if (!file) return undefined;
    if (this.tokenFromFile && this.now() - this.tokenFromFile.readAt < TOKEN_FILE_REREAD_MS) return this.tokenFromFile.token;
    try {
      this.tokenFromFile = { token: readFileSync(file, 'utf8').trim(), readAt: this.now() };
    } catch (err) {
      throw new CredentialsError(`cannot read the token file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return this.tokenFromFile.token;
  }
}

/** A legacy auth-provider's cached token (oidc's id-token, gcp's or azure's access-token). */
function providerToken(config: Record<string, string> | undefined): string | undefined {
  return config?.['id-token'] || config?.['access-token'] || undefined;
}
