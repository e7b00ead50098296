// Local git repositories for checkout tests: a bare repository with two commits, an annotated tag
// and a pull-request ref, served as file:// and over smart HTTP (git http-backend behind a small
// node server that demands the token as GitHub does: Basic x-access-token:<token>).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestRepo {
  /** Directory holding owner/name.git. */
  projectRoot: string;
  bare: string;
  first: string;
  second: string;
  pull: string;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();

const cm = (name: string, value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  value: "${value}"\n`;

/** main: first (tag v1) → second; refs/pull/1/head: a third commit off second. */
export function makeTestRepo(): TestRepo {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-git-'));
  const work = path.join(base, 'work');
  fs.mkdirSync(path.join(work, 'k8s'), { recursive: true });
  git(work, 'init', '-q');
  fs.writeFileSync(path.join(work, 'k8s/config.yaml'), cm('shop-config', 'one'));
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'first');
  const first = git(work, 'rev-parse', 'HEAD');
  git(work, 'tag', '-a', 'v1', '-m', 'release 1');
  fs.writeFileSync(path.join(work, 'k8s/config.yaml'), cm('shop-config', 'two'));
  git(work, 'commit', '-q', '-am', 'second');
  const second = git(work, 'rev-parse', 'HEAD');
  git(work, 'checkout', '-q', '-b', 'pr');
  fs.writeFileSync(path.join(work, 'k8s/config.yaml'), cm('shop-config', 'pull'));
  git(work, 'commit', '-q', '-am', 'pull request');
  const pull = git(work, 'rev-parse', 'HEAD');
  git(work, 'checkout', '-q', 'main');
  const projectRoot = path.join(base, 'served');
  const bare = path.join(projectRoot, 'acme', 'shop-deploy.git');
  fs.mkdirSync(path.dirname(bare), { recursive: true });
  git(base, 'clone', '-q', '--bare', work, bare);
  git(bare, 'update-ref', 'refs/pull/1/head', pull);
  git(bare, 'branch', '-D', 'pr');
  git(bare, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  git(bare, 'config', 'http.receivepack', 'false');
  return { projectRoot, bare, first, second, pull };
}

export interface GitHttpServer {
  url: string;
  /** Every request's method, URL and headers as received. */
  requests: { method: string; url: string; authorization: string | null }[];
  close(): Promise<void>;
}

/** Serves projectRoot over smart HTTP; requests without the token get 401. */
export async function startGitHttpServer(projectRoot: string, token: string): Promise<GitHttpServer> {
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const requests: GitHttpServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const authorization = req.headers.authorization ?? null;
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization });
    if (authorization?.toLowerCase() !== expected.toLowerCase()) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' });
      res.end('token required\n');
      return;
    }
    const u = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(u.pathname),
        QUERY_STRING: u.search.slice(1),
        REQUEST_METHOD: req.method,
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: (req.headers['content-encoding'] as string | undefined) ?? '',
        GIT_PROTOCOL: (req.headers['git-protocol'] as string | undefined) ?? '',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (d: Buffer) => chunks.push(d));
    cgi.on('close', () => {
      const out = Buffer.concat(chunks);
      const split = out.indexOf('\r\n\r\n');
      const head = out.subarray(0, split).toString('utf8');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.split('\r\n')) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      res.end(out.subarray(split + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every file under dir whose bytes contain any of the needles. */
export function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const bytes = fs.readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) hits.push(p);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return hits;
}

/** A bare repository (served/acme/<name>.git) with one commit of these files; it serves partial clones (uploadpack.allowFilter). */
export function makeRepoFrom(name: string, files: Record<string, string>): { projectRoot: string; bare: string; head: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-git-'));
  const work = path.join(base, 'work');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    fs.writeFileSync(path.join(work, file), text);
  }
  git(work, 'init', '-q');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'files');
  const head = git(work, 'rev-parse', 'HEAD');
  const projectRoot = path.join(base, 'served');
  const bare = path.join(projectRoot, 'acme', `${name}.git`);
  fs.mkdirSync(path.dirname(bare), { recursive: true });
  git(base, 'clone', '-q', '--bare', work, bare);
  git(bare, 'config', 'uploadpack.allowFilter', 'true');
  git(bare, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  git(bare, 'config', 'http.receivepack', 'false');
  return { projectRoot, bare, head };
}
