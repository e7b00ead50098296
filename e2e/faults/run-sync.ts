// One sync of the fault app by the bundled CLI, as a user runs it, and the verdict on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { appObjects, HOOKS } from './app.js';
import { clusterDiff, inventoryProblems, type HookLedger } from './checks.js';

const REPO = path.resolve(import.meta.dirname ?? '.', '../..');

export interface SyncOutcome {
  kind: string;
  run: string;
  code: number | null;
  result: string;
  ms: number;
  /** Why the run ended wrong; null when it ended right (Succeeded and equal, or a clear failure). */
  wrong: string | null;
  /** The failure's cause as the user sees it (Failed runs). */
  cause: string | null;
  hooks: Record<string, number>;
  duplicatedHooks: number;
  lostHooks: number;
}

interface ResultJson {
  result: string;
  reason?: string | null;
  message?: string | null;
  failures?: { kind: string | null; name: string | null; reason: string; message: string; file: string | null; line: number | null }[];
  steps?: { phase: string; tasks: { kind: string; name: string | null; state: string; file: string }[] }[];
}

function writeRepo(run: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-faults-app-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const o of appObjects(run)) {
    fs.mkdirSync(path.dirname(path.join(dir, o.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, o.file), YAML.stringify(o.doc));
  }
  return dir;
}

function cli(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], { cwd, env: { ...process.env, CI: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STACK = /\n\s+at .+:\d+:\d+/;
const VAGUE = /unexpected error|fetch failed|undefined|\[object Object\]/i;

/** Sync run `run` of the app in `namespace` through `kubeconfig`; judge it. */
export async function syncOnce(opts: {
  kind: string;
  run: string;
  namespace: string;
  kubeconfig: string;
  ledger: HookLedger;
  timeout?: string;
}): Promise<SyncOutcome> {
  const dir = writeRepo(opts.run);
  const from = opts.ledger.creations.length;
  const started = Date.now();
  const res = await cli(dir, [
    'sync',
    '--manifests',
    '.',
    '--namespace',
    opts.namespace,
    '--app',
    'faults',
    '--revision',
    `${opts.run}0000000`,
    '--kubeconfig',
    opts.kubeconfig,
    '--timeout',
    opts.timeout ?? '3m',
    '--fail-fast-after',
    '30s',
    '--output',
    'json',
  ]);
  const ms = Date.now() - started;
  if (process.env.WAVESYNC_FAULT_LOG_DIR)
    fs.writeFileSync(path.join(process.env.WAVESYNC_FAULT_LOG_DIR, `${opts.run}.log`), `${res.stderr}\n--- stdout\n${res.stdout}`);
  // Let the ledger's watch deliver the last creations.
  await new Promise((r) => setTimeout(r, 400));
  const hooks = opts.ledger.countSince(from);
  fs.rmSync(dir, { recursive: true, force: true });

  const out: SyncOutcome = {
    kind: opts.kind,
    run: opts.run,
    code: res.code,
    result: '?',
    ms,
    wrong: null,
    cause: null,
    hooks,
    duplicatedHooks: 0,
    lostHooks: 0,
  };
  let json: ResultJson;
  try {
    json = JSON.parse(res.stdout) as ResultJson;
  } catch {
    out.wrong = `exit ${res.code}, no JSON result; stderr: ${res.stderr.slice(0, 400)}`;
    return out;
  }
  out.result = json.result;
  const problems: string[] = [];
  if (STACK.test(res.stderr) || STACK.test(res.stdout)) problems.push('a stack trace was printed');
  for (const [name, n] of Object.entries(hooks)) {
    if (name.startsWith('other:')) problems.push(`unexpected Job ${name.slice(6)}`);
    else if (n > 1) {
      out.duplicatedHooks += n - 1;
      problems.push(`hook ${name} created ${n} times`);
    }
  }
  // A hook the result says was started (Running or beyond) must have been created once.
  const started_ = new Set(['Applied', 'Running', 'Succeeded', 'Failed']);
  for (const step of json.steps ?? []) {
    for (const t of step.tasks) {
      const hook = HOOKS.find((h) => t.file.endsWith(`hooks/${h.name.replace(/-$/, '')}.yaml`));
      if (hook && t.kind === 'Job' && started_.has(t.state) && (hooks[hook.name] ?? 0) === 0) {
        out.lostHooks++;
        problems.push(`hook ${t.name} is ${t.state} in the result but no Job was created`);
      }
    }
  }
  if (json.result === 'Succeeded' && res.code === 0) {
    const missingHooks = HOOKS.filter((h) => hooks[h.name] !== 1);
    for (const h of missingHooks) {
      if ((hooks[h.name] ?? 0) === 0) out.lostHooks++;
      problems.push(`Succeeded but hook ${h.name} created ${hooks[h.name]} times`);
    }
    problems.push(...(await clusterDiff(opts.namespace, appObjects(opts.run))).slice(0, 5));
  } else if (json.result === 'Failed' && res.code === 1) {
    const f = json.failures ?? [];
    out.cause = f.map((x) => `${x.kind}/${x.name}: ${x.reason}: ${x.message}`).join(' | ') || json.message || '';
    if (f.length === 0) problems.push(`Failed with no failure listed (${json.message})`);
    for (const x of f) {
      if (!x.file || !x.line) problems.push(`failure of ${x.kind}/${x.name} has no file:line`);
      if (!x.message || VAGUE.test(x.message)) problems.push(`failure of ${x.kind}/${x.name} does not name its cause: ${x.message}`);
    }
  } else {
    problems.push(`exit ${res.code} with result ${json.result}: ${json.message}`);
  }
  // Every applied object is in the inventory, however the run ended: the parent is written before
  // anything is applied.
  if (json.result === 'Succeeded' || json.result === 'Failed')
    problems.push(...(await inventoryProblems(opts.namespace, 'faults', appObjects(opts.run))).slice(0, 5));
  out.wrong = problems.length ? problems.join('; ') : null;
  return out;
}
