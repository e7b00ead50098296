// The demo's local control plane: reuse the running one, or build (first use) and start it with
// test/cluster/up.sh, showing each component's progress line with the elapsed time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Whether the cluster's binaries are already built into the cache (then Go is not needed). */
export function binariesBuilt(root, env = process.env) {
  const r = spawnSync('bash', ['-c', 'source test/cluster/lib.sh && all_binaries_present'], { cwd: root, env, stdio: 'ignore' });
  return r.status === 0;
}

/** The go binary build.sh would use (PATH, then /usr/local/go/bin), or null. */
export function findGo(env = process.env) {
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/usr/local/go/bin'].filter(Boolean);
  for (const dir of dirs) {
    const file = path.join(dir, 'go');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** The Go version test/cluster/go.mod asks for (the "go" line). */
export function wantedGo(root) {
  const mod = fs.readFileSync(path.join(root, 'test/cluster/go.mod'), 'utf8');
  return mod.match(/^go (\S+)/m)?.[1] ?? 'the version in test/cluster/go.mod';
}

const clock = (ms) => {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
};

/**
 * Runs up.sh; its log lines ("building kubernetes...", "starting etcd...") are shown as they come,
 * each with the elapsed time, plus a reminder every 20 s while a step is slow (the Go build).
 * Resolves to the kubeconfig path and whether a running cluster was reused.
 */
export function clusterUp(root, env, print) {
  const t0 = Date.now();
  const statusFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-demo-up-')), 'status');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(root, 'test/cluster/up.sh')], {
      cwd: root,
      env: { ...env, UP_STATUS_FILE: statusFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let last = 'starting';
    let lastAt = Date.now();
    let partial = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(/^\[cluster [0-9:]+\] /, '');
        if (!line.trim()) continue;
        last = line;
        lastAt = Date.now();
        print(`  [${clock(Date.now() - t0).padStart(6)}] ${line}`);
      }
    });
    const ticker = setInterval(() => {
      if (Date.now() - lastAt < 20_000) return;
      lastAt = Date.now();
      print(`  [${clock(Date.now() - t0).padStart(6)}] … still at: ${last}`);
    }, 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(ticker);
      const status = fs.existsSync(statusFile) ? fs.readFileSync(statusFile, 'utf8').trim() : 'unknown';
      fs.rmSync(path.dirname(statusFile), { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`test/cluster/up.sh exited with ${code} after ${clock(Date.now() - t0)} (see the lines above)`));
      resolve({ kubeconfig: stdout.trim().split('\n').pop(), reused: status === 'reused', tookMs: Date.now() - t0 });
    });
  });
}
