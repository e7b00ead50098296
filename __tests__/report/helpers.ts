// Test helpers: a GitHub Actions step environment in a temp dir, and a stdout capture.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHA } from './fixtures.js';

export interface StepEnv {
  env: Record<string, string>;
  summary(): string;
  outputs(): Record<string, string>;
  restore(): void;
}

/** GITHUB_* variables as a step sees them; summary and output files are real temp files. */
// One directory per test file.
let dir: string | null = null;

export function stepEnv(apiUrl: string, event: { name?: string; payload?: unknown } = {}): StepEnv {
  dir ??= mkdtempSync(join(tmpdir(), 'wavesync-report-'));
  const summaryFile = join(dir, 'summary.md');
  const outputFile = join(dir, 'output.txt');
  const eventFile = join(dir, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  writeFileSync(eventFile, JSON.stringify(event.payload ?? {}));
  const env: Record<string, string> = {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop-deploy',
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '987654321',
    GITHUB_EVENT_NAME: event.name ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return {
    env,
    summary: () => readFileSync(summaryFile, 'utf8'),
    outputs: () => parseOutputFile(readFileSync(outputFile, 'utf8')),
    restore: () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

/** Captures what is written to stdout (where workflow commands go). */
export function captureStdout(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}
