// The benchmark's own control plane: test/cluster/up.sh with a separate state dir (never the shared
// one other test runs use), an audit log of the contenders' requests, and a client certificate
// that only contenders use so the audit log tells their requests from everyone else's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, openSync, readSync, fstatSync, closeSync } from 'node:fs';
import path from 'node:path';

export const CONTENDER_USER = 'bench-contender';

export class BenchCluster {
  constructor(root, stateDir) {
    this.root = root;
    this.stateDir = stateDir;
    this.auditLog = path.join(stateDir, 'logs', 'audit.log');
    this.env = { ...process.env, WAVESYNC_CLUSTER_STATE: stateDir };
  }

  up() {
    const policy = path.join(path.dirname(this.stateDir), 'audit-policy.yaml');
    mkdirSync(path.dirname(policy), { recursive: true });
    // Only the contenders' requests, once each (at completion: watches count when they end). The log
    // is never rotated (the default rotates at 100 MB, which broke a full run's offsets).
    writeFileSync(
      policy,
      `apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived, ResponseStarted]\nrules:\n- level: Metadata\n  users: ["${CONTENDER_USER}"]\n- level: None\n`,
    );
    const extra = `--audit-policy-file=${policy} --audit-log-path=${this.auditLog} --audit-log-format=json --audit-log-mode=blocking --audit-log-maxsize=100000`;
    const out = execFileSync('bash', [path.join(this.root, 'test/cluster/up.sh')], {
      env: { ...this.env, WAVESYNC_APISERVER_EXTRA_ARGS: extra },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.kubeconfig = out.toString().trim().split('\n').pop();
    if (!existsSync(this.auditLog)) {
      throw new Error(
        `the bench cluster at ${this.stateDir} runs without the audit log (started by something else?); stop it with WAVESYNC_CLUSTER_STATE=${this.stateDir} bash test/cluster/down.sh`,
      );
    }
    this.contenderKubeconfig = this.issueContenderKubeconfig();
    return this;
  }

  down() {
    execFileSync('bash', [path.join(this.root, 'test/cluster/down.sh')], { env: this.env, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  /** A system:masters client certificate under a name of its own, in a kubeconfig. */
  issueContenderKubeconfig() {
    const pki = path.join(this.stateDir, 'pki');
    const file = path.join(this.stateDir, 'contender.kubeconfig');
    if (existsSync(file)) return file;
    const run = (args) => execFileSync('openssl', args, { cwd: pki, stdio: ['ignore', 'ignore', 'ignore'] });
    run(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'contender.key']);
    run(['req', '-new', '-key', 'contender.key', '-subj', `/O=system:masters/CN=${CONTENDER_USER}`, '-out', 'contender.csr']);
    writeFileSync(
      path.join(pki, 'contender.ext'),
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n',
    );
    run([
      'x509',
      '-req',
      '-in',
      'contender.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      'contender.ext',
      '-out',
      'contender.crt',
    ]);
    const b64 = (f) => readFileSync(path.join(pki, f)).toString('base64');
    const server = readFileSync(path.join(this.stateDir, 'env'), 'utf8').match(/^SERVER=(.*)$/m)[1];
    writeFileSync(
      file,
      `apiVersion: v1
kind: Config
clusters:
- name: bench
  cluster:
    server: ${server}
    certificate-authority-data: ${b64('ca.crt')}
users:
- name: ${CONTENDER_USER}
  user:
    client-certificate-data: ${b64('contender.crt')}
    client-key-data: ${b64('contender.key')}
contexts:
- name: bench
  context: { cluster: bench, user: ${CONTENDER_USER}, namespace: default }
current-context: bench
`,
      { mode: 0o600 },
    );
    return file;
  }

  auditOffset() {
    return existsSync(this.auditLog) ? fstatSize(this.auditLog) : 0;
  }

  /** Audit events of the contender written after `offset`. */
  auditSince(offset) {
    const fd = openSync(this.auditLog, 'r');
    try {
      const size = fstatSync(fd).size;
      const buf = Buffer.alloc(size - offset);
      readSync(fd, buf, 0, buf.length, offset);
      return buf
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((e) => e.user?.username === CONTENDER_USER);
    } finally {
      closeSync(fd);
    }
  }
}

function fstatSize(file) {
  const fd = openSync(file, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}
