// Runs wavesync against the local control plane two ways: the bundled CLI as a user runs it (exit
// codes, JSON output, signals), and the engine in-process (its event stream, for order checks).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { createKubeCluster } from '../../src/cluster/kube/adapter.js';
import { loadKubeConfig } from '../../src/cluster/kubeconfig.js';
import { runEngine } from '../../src/sync/engine.js';
import { EventBus, type SyncEvent, type SyncResult } from '../../src/sync/events.js';
import { loadHealthRules } from '../../src/source/health-rules.js';
import { preparePlan } from '../../src/source/prepare.js';
import type { Plan } from '../../src/plan/types.js';
import { kubeConfig, kubeconfigPath } from '../setup/cluster.js';

export const REPO = path.resolve(import.meta.dirname ?? '.', '../..');
const GAPS_FILE = path.join(REPO, '.tmp', 'e2e-wave-gaps.jsonl');

/** Write manifests into a fresh directory that acts as the repository root. */
export function writeManifests(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-e2e-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: () => Record<string, unknown> & {
    result: string;
    failures: { name: string; reason: string; message: string; file: string | null; line: number | null; logTail: string[] }[];
  };
}

/** Run `node dist/cli.js sync ...` in `cwd`; onStderr sees output as it comes (for signal tests). */
export function runCli(
  cwd: string,
  args: string[],
  opts: { onStderr?: (text: string, child: ReturnType<typeof spawn>) => void; kubeconfig?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args, '--kubeconfig', opts.kubeconfig ?? kubeconfigPath()], {
      cwd,
      env: { ...process.env, CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      opts.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) }));
  });
}

export interface EngineRun {
  result: SyncResult;
  events: SyncEvent[];
  plan: Plan;
}

/** Plan the manifests in `dir` and run the engine in-process, recording its events. */
export async function runInProcess(
  dir: string,
  namespace: string,
  opts: { timeoutMs?: number; failFastAfterMs?: number; revision?: string; healthChecks?: string; signal?: AbortSignal } = {},
): Promise<EngineRun> {
  const { plan, errors } = preparePlan({ manifests: ['.'], root: dir, app: 'e2e', namespace, revision: opts.revision ?? 'e2e0001' });
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  const rules = await loadHealthRules({ text: opts.healthChecks });
  if (rules.errors.length) throw new Error(rules.errors.map((e) => e.message).join('\n'));
  const cluster = createKubeCluster(loadKubeConfig({ path: kubeconfigPath() }));
  const bus = new EventBus();
  const events: SyncEvent[] = [];
  bus.on((e) => events.push(e));
  try {
    const result = await runEngine({
      cluster,
      plan,
      bus,
      mode: 'sync',
      timeoutMs: opts.timeoutMs ?? 90_000,
      waveDelayMs: 0,
      failFastAfterMs: opts.failFastAfterMs ?? 5_000,
      createNamespace: false,
      healthRules: rules.rules,
      signal: opts.signal,
    });
    recordGaps(events);
    return { result, events, plan };
  } finally {
    await cluster.close();
  }
}

export interface WaveGap {
  /** Last task of a step finished → next step's first task started (the gate's own latency). */
  gapMs: number;
  /** The step's last task turned Healthy/completed → next step's first task started. */
  fromHealthyMs: number;
}

/** For each step boundary: how long after the previous step was done the next one began applying. */
export function waveGaps(events: SyncEvent[]): WaveGap[] {
  const gaps: WaveGap[] = [];
  let lastFinish: number | null = null;
  let lastHealthy: number | null = null;
  let awaitingStart = false;
  for (const e of events) {
    if (e.type === 'task-finished') lastFinish = e.at;
    if (e.type === 'task-health' && e.health === 'Healthy') lastHealthy = e.at;
    if (e.type === 'step-started') awaitingStart = lastFinish !== null;
    if (e.type === 'task-started' && awaitingStart && lastFinish !== null) {
      gaps.push({ gapMs: e.at - lastFinish, fromHealthyMs: e.at - (lastHealthy ?? lastFinish) });
      awaitingStart = false;
    }
  }
  return gaps;
}

function recordGaps(events: SyncEvent[]): void {
  fs.mkdirSync(path.dirname(GAPS_FILE), { recursive: true });
  for (const g of waveGaps(events)) fs.appendFileSync(GAPS_FILE, JSON.stringify(g) + '\n');
}

export async function recordAdds(
  namespace: string,
  plurals: { path: string; kind: string }[],
): Promise<{ adds: { kind: string; name: string; at: number }[]; stop: () => void }> {
  const adds: { kind: string; name: string; at: number }[] = [];
  const watch = new k8s.Watch(kubeConfig());
  const controllers = await Promise.all(
    plurals.map((p) =>
      watch.watch(
        p.path.replace('{ns}', namespace),
        {},
        (type: string, obj: k8s.KubernetesObject) => {
          if (type === 'ADDED') adds.push({ kind: p.kind, name: obj.metadata?.name ?? '', at: Date.now() });
        },
        () => undefined,
      ),
    ),
  );
  return { adds, stop: () => controllers.forEach((c) => c.abort()) };
}

export const taskOrder = (events: SyncEvent[]) => events.flatMap((e) => (e.type === 'task-started' ? [`${e.task.phase}:${e.task.kind}/${e.liveName}`] : []));
