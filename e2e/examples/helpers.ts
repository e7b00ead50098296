// Shared by the examples' end-to-end tests: sync a directory of this repository (or a rendered
// copy) with the bundled CLI, and read its JSON result.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, REPO, writeManifests } from '../sync/harness.js';

export interface TaskJson {
  kind: string;
  name: string;
  state: string;
  hook: boolean;
}
export interface StepJson {
  phase: string;
  wave: number;
  state: string;
  tasks: TaskJson[];
}
export interface ResultJson {
  result: string;
  reason: string | null;
  failedPhase: string | null;
  failures: { kind: string; name: string; reason: string; message: string; file: string; line: number }[];
  syncFailFailures: unknown[];
  steps: StepJson[];
}

export interface ExampleRun {
  code: number | null;
  stderr: string;
  result: ResultJson;
}

/** `wavesync sync` of `manifests` (relative to `cwd`, default this repository) into `namespace`. */
export async function syncExample(manifests: string, namespace: string, opts: { cwd?: string; app?: string; extra?: string[] } = {}): Promise<ExampleRun> {
  const r = await runCli(opts.cwd ?? REPO, [
    'sync',
    '--manifests',
    manifests,
    '--namespace',
    namespace,
    '--app',
    opts.app ?? 'example',
    '--timeout',
    '90s',
    '--fail-fast-after',
    '5s',
    '--revision',
    REVISION,
    '--output',
    'json',
    ...(opts.extra ?? []),
  ]);
  if (!r.stdout.trim()) throw new Error(`no JSON result (exit ${r.code}):\n${r.stderr}`);
  return { code: r.code, stderr: r.stderr, result: r.json() as unknown as ResultJson };
}

export const REVISION = 'e2e0001';

/** "PreSync -2: Job/db-backup" for each task that ran, in order; generateName hooks as "name-*". */
export function order(result: ResultJson): string[] {
  const hookSuffix = new RegExp(`${REVISION}-(presync|sync|postsync|syncfail)-\\d+$`);
  return result.steps
    .filter((s) => s.state !== 'Pending')
    .flatMap((s) => s.tasks.map((t) => `${s.phase} ${s.wave}: ${t.kind}/${t.name.replace(hookSuffix, '*')}`));
}

/** The example's files copied into a fresh repository, `edit` applied to each file's text. */
export function copyExample(dir: string, edit: (file: string, text: string) => string = (_f, t) => t): string {
  const files: Record<string, string> = {};
  const root = path.join(REPO, dir);
  for (const f of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, f);
    if (fs.statSync(full).isFile()) files[f] = edit(f, fs.readFileSync(full, 'utf8'));
  }
  return writeManifests(files);
}

/** A rendered file in a fresh repository: what a renderer would hand the sync. */
export function renderedRepo(name: string, text: string): string {
  return writeManifests({ [name]: text });
}

/** Helm v4 built from its Go module into the tool cache (cached after the first build). */
export function helmBinary(): string {
  return execFileSync('bash', [path.join(REPO, 'test/tools/build-go-tool.sh'), 'helm', 'helm.sh/helm/v4@v4.3.2', 'helm.sh/helm/v4/cmd/helm'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
    .trim()
    .split('\n')
    .pop() as string;
}
