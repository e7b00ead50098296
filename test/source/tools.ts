// Test tools for rendering: Helm built from its Go module into the test cache (test/tools), and a
// PATH holding it beside the machine's kubectl.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname ?? '.', '../..');

/** Absolute path of the helm binary (built once, then cached by version). */
export function helmBinary(): string {
  const out = execFileSync('bash', [path.join(REPO, 'test/tools/build-go-tool.sh'), 'helm', 'helm.sh/helm/v4@v4.3.2', 'helm.sh/helm/v4/cmd/helm'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 30 * 60 * 1000,
  });
  return out.trim().split('\n').pop()!;
}

/** A PATH with helm first, then the process's own (kubectl, git). */
export function pathWithHelm(): string {
  return [path.dirname(helmBinary()), process.env.PATH ?? ''].join(path.delimiter);
}

/** A PATH directory holding only links to the named tools (to test what happens when others are missing). */
export function pathWithOnly(tools: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-path-'));
  for (const t of tools) {
    const found = (process.env.PATH ?? '')
      .split(path.delimiter)
      .map((d) => path.join(d, t))
      .find((p) => fs.existsSync(p));
    const target = t === 'helm' ? helmBinary() : found;
    if (target) fs.symlinkSync(target, path.join(dir, t));
  }
  return dir;
}

/** Files written into a fresh directory that acts as the repository root. */
export function writeRepo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-src-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
