// Fetch a repository at a ref into a fresh directory: git through tools.ts, shallow where the
// ref allows it. The token travels only as an HTTP header given to git in its environment
// (GIT_CONFIG_*, the way `git -c http.extraheader` works), so it is never in a URL, an argument,
// a log line, an error or the .git/config left behind; messages are scrubbed of it all the same.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTool, runTool, stderrTail, type Env } from './tools.js';

export interface CheckoutOptions {
  /** owner/name (on serverUrl), or a URL (https://, http://, file://). */
  repository: string;
  /** Branch, tag, full or short SHA, refs/pull/N/head; empty: the default branch. */
  ref: string;
  token?: string;
  /** GITHUB_SERVER_URL; default https://github.com. */
  serverUrl?: string;
  /** The directory the checkout goes under (RUNNER_TEMP in the action). */
  tempDir?: string;
  env: Env;
  /** Told the directory as soon as it exists (the action saves it for its post step). */
  onCreated?: (dir: string) => void;
  /**
   * Directories (relative to the repository root) to check out instead of the whole tree: git
   * sparse-checkout in cone mode, blobs fetched only for them (--filter=blob:none). Absent or
   * empty: the whole tree. A git that cannot do it gets the whole tree.
   */
  sparse?: string[];
}

export interface Checkout {
  dir: string;
  /** The commit checked out, full SHA. */
  sha: string;
  /** The repository as shown in messages (never with credentials). */
  url: string;
  /** The sparse directories checked out, or null: the whole tree is there. */
  sparse: string[] | null;
  /** Checks out the whole tree (after a sparse checkout; fetches the missing blobs). */
  widen(): Promise<void>;
  cleanup(): void;
}

export class CheckoutError extends Error {
  override name = 'CheckoutError';
}

export const GIT_MISSING = 'git is not installed (not on PATH); install git to check out the manifests repository';

const FULL_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;
const SHORT_SHA = /^[0-9a-f]{7,39}$/i;

/** The fetch URL for a repository input. */
export function repositoryUrl(repository: string, serverUrl = 'https://github.com'): string {
  const r = repository.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(r)) {
    const u = new URL(r);
    if (u.username || u.password)
      throw new CheckoutError('repository: the URL holds credentials; give the token in the token input (CLI: WAVESYNC_GIT_TOKEN), never in the URL');
    return r;
  }
  if (/^[\w.-]+\/[\w.-]+$/.test(r)) return `${serverUrl.replace(/\/+$/, '')}/${r.replace(/\.git$/, '')}.git`;
  throw new CheckoutError(`repository: "${r}" is neither owner/name nor a URL`);
}

export async function checkout(opts: CheckoutOptions): Promise<Checkout> {
  const git = findTool('git', opts.env);
  if (!git) throw new CheckoutError(GIT_MISSING);
  const url = repositoryUrl(opts.repository, opts.serverUrl);
  const secrets = opts.token ? [opts.token, basicAuth(opts.token)] : [];
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const dir = mkdtempSync(path.join(opts.tempDir || os.tmpdir(), 'wavesync-checkout-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  opts.onCreated?.(dir);
  const env = gitEnv(opts.env, url, opts.token);
  const run = (args: string[]) => runTool(git, args, { cwd: dir, env });
  const must = async (args: string[], what: string) => {
    const out = await run(args);
    if (out.code !== 0) throw new CheckoutError(scrub(`${what}: git ${args[0]} failed:\n${stderrTail(out.stderr) || `exit code ${out.code}`}`));
    return out.stdout.trim();
  };
  try {
    await must(['init', '-q', '--initial-branch=wavesync', '.'], `checking out ${url}`);
    await must(['remote', 'add', 'origin', url], `checking out ${url}`);
    const ref = opts.ref.trim();
    const where = `${url} at ${ref || 'its default branch'}`;
    // Before the first fetch, so the checkout below reads (and fetches) only the blobs in the cone.
    let sparse = opts.sparse?.length ? [...opts.sparse] : null;
    if (sparse && (await run(['sparse-checkout', 'set', '--cone', '--', ...sparse])).code !== 0) sparse = null;
    const filter = sparse ? ['--filter=blob:none'] : [];
    const shallow = ['fetch', '--no-tags', '--depth=1', ...filter, 'origin'];
    let target = 'FETCH_HEAD';
    if (!ref) await must([...shallow, 'HEAD'], `fetching ${where}`);
    else if (FULL_SHA.test(ref) || !SHORT_SHA.test(ref)) await must([...shallow, ref], `fetching ${where}`);
    else if ((await run([...shallow, ref])).code !== 0) {
      // A short SHA is no ref the server knows: fetch the branches and tags and find it there.
      await must(['fetch', '--no-tags', ...filter, 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], `fetching ${where}`);
      target = await must(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], `finding commit ${ref} in ${url}`);
    }
    await must(['-c', 'advice.detachedHead=false', 'checkout', '-q', '--detach', target], `checking out ${where}`);
    const sha = await must(['rev-parse', 'HEAD'], `checking out ${where}`);
    const co: Checkout = {
      dir,
      sha,
      url,
      sparse,
      cleanup,
      async widen() {
        if (!co.sparse) return;
        await must(['sparse-checkout', 'disable'], `checking out the whole tree of ${where}`);
        co.sparse = null;
      },
    };
    return co;
  } catch (err) {
    cleanup();
    if (err instanceof CheckoutError) throw err;
    throw new CheckoutError(scrub(`checking out ${url}: ${err instanceof Error ? err.message : String(err)}`));
  }
}

function basicAuth(token: string): string {
  return Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
}

/** git's environment: no prompts, no tracing that could print headers, the token as a header for this URL only. */
function gitEnv(base: Env, url: string, token: string | undefined): Env {
  const env: Env = {};
  for (const [k, v] of Object.entries(base)) if (!/^GIT_(TRACE|CURL_VERBOSE|CONFIG_|ASKPASS$|DIR$|WORK_TREE$)/.test(k)) env[k] = v;
  env.GIT_TERMINAL_PROMPT = '0';
  env.GCM_INTERACTIVE = 'never';
  if (token && /^https?:/i.test(url)) {
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = `http.${url}.extraheader`;
    env.GIT_CONFIG_VALUE_0 = `AUTHORIZATION: basic ${basicAuth(token)}`;
  }
  return env;
}
