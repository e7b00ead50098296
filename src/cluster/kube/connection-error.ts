// A request that never got an answer, said in words: which server, and why (refused, no such host,
// TLS verification, timeout). fetch only says "fetch failed"; the cause is in its error chain.

/** Thrown by the transport when the API server cannot be reached; safe to print (no credentials). */
export class ClusterConnectionError extends Error {
  /** The socket/TLS error code, kept so retries classify this like the original error. */
  readonly code: string | undefined;
  /** Retrying cannot help (no such host, certificate refused). */
  readonly permanent: boolean;

  constructor(server: string, cause: unknown) {
    const { code, what, permanent } = describeCause(cause);
    super(`cannot reach the Kubernetes API server ${server}: ${what}`, { cause });
    this.name = 'ClusterConnectionError';
    this.code = code;
    this.permanent = permanent;
  }
}

const TLS_VERIFY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface Cause {
  code: string | undefined;
  what: string;
  permanent: boolean;
}

function chain(err: unknown): { code?: unknown; message?: unknown }[] {
  const out: { code?: unknown; message?: unknown }[] = [];
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    out.push(e);
    e = e.cause as typeof e;
  }
  return out;
}

export function describeCause(err: unknown): Cause {
  const links = chain(err);
  const code = links.map((l) => l.code).find((c): c is string => typeof c === 'string');
  const innermost = [...links].reverse().find((l) => typeof l.message === 'string')?.message as string | undefined;
  if (code && TLS_VERIFY.has(code)) {
    return {
      code,
      what: `TLS verification failed (${code}): the server's certificate does not match the kubeconfig's certificate-authority or server name`,
      permanent: true,
    };
  }
  switch (code) {
    case 'ECONNREFUSED':
      return { code, what: 'connection refused (nothing listens at that address and port)', permanent: false };
    case 'ENOTFOUND':
      return { code, what: 'the host name does not resolve (DNS: not found)', permanent: true };
    case 'EAI_AGAIN':
      return { code, what: 'the host name could not be resolved (DNS lookup failed)', permanent: false };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { code, what: 'the connection timed out', permanent: false };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return { code, what: 'the connection was reset', permanent: false };
    case 'UND_ERR_DESTROYED':
      return { code, what: 'the connection was dropped (another request on it had failed or timed out)', permanent: false };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { code, what: 'the connection closed before the whole answer arrived', permanent: false };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code, what: 'no route to that host', permanent: false };
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return { code, what: `the TLS handshake failed (${code}): does the server speak HTTPS at that port?`, permanent: true };
    default:
      return { code, what: innermost && innermost !== 'fetch failed' ? innermost : 'the request failed without an answer', permanent: false };
  }
}
