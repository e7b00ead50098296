// The runner protocol by hand: what a step prints and appends must read back as the runner reads it.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as runner from '../../src/report/runner.js';

let printed: string[];
const saved = { ...process.env };
beforeEach(() => {
  printed = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

/** Reads name<<delimiter blocks as the runner does. */
function readKeyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

const files = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wavesync-runner-'));
  const f = (n: string) => (writeFileSync(path.join(dir, n), ''), path.join(dir, n));
  return { output: f('output'), state: f('state'), summary: f('summary') };
};

describe('workflow commands', () => {
  test('annotations carry file and line; data and property values are escaped', () => {
    runner.error('bad: 100%\nsecond line', { title: 'a, b: c', file: 'k8s/app.yaml', startLine: 7, endLine: 9 });
    runner.warning('careful');
    runner.notice('fyi', { file: 'x.yaml', startLine: 1, startColumn: 3 });
    expect(printed).toEqual([
      '::error title=a%2C b%3A c,file=k8s/app.yaml,line=7,endLine=9::bad: 100%25%0Asecond line\n',
      '::warning::careful\n',
      '::notice file=x.yaml,line=1,col=3::fyi\n',
    ]);
  });

  test('setFailed sets exit code 1 and prints an error; masks and groups are commands', () => {
    runner.setFailed('it broke');
    runner.setSecret('s3cr3t\nline2');
    runner.startGroup('objects');
    runner.info('plain line');
    runner.endGroup();
    expect(process.exitCode).toBe(1);
    expect(printed.join('')).toBe('::error::it broke\n::add-mask::s3cr3t%0Aline2\n::group::objects\nplain line\n::endgroup::\n');
  });
});

describe('files', () => {
  test('outputs and state are name<<delimiter blocks; values may span lines', () => {
    const f = files();
    process.env.GITHUB_OUTPUT = f.output;
    process.env.GITHUB_STATE = f.state;
    runner.setOutput('result', 'Succeeded');
    runner.setOutput('changes', 'line 1\nline 2');
    runner.saveState('checkout_dir', '/tmp/x');
    expect(readKeyValues(readFileSync(f.output, 'utf8'))).toEqual({ result: 'Succeeded', changes: 'line 1\nline 2' });
    expect(readKeyValues(readFileSync(f.state, 'utf8'))).toEqual({ checkout_dir: '/tmp/x' });
    // A fresh delimiter per value: two outputs never share one.
    const delimiters = readFileSync(f.output, 'utf8').match(/<<(.+)/g);
    expect(new Set(delimiters).size).toBe(2);
  });

  test('the summary is appended; without its file it says so', () => {
    const f = files();
    process.env.GITHUB_STEP_SUMMARY = f.summary;
    runner.appendSummary('# one');
    runner.appendSummary('two');
    expect(readFileSync(f.summary, 'utf8')).toBe('# one\ntwo\n');
    delete process.env.GITHUB_STEP_SUMMARY;
    expect(() => runner.appendSummary('x')).toThrow('GITHUB_STEP_SUMMARY is not set');
  });

  test('without the files, outputs and state fall back to the stdout commands', () => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    runner.setOutput('result', 'a\nb');
    runner.saveState('checkout_dir', '/tmp/x');
    expect(printed.join('')).toBe('::set-output name=result::a%0Ab\n::save-state name=checkout_dir::/tmp/x\n');
  });
});
