import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (file?: string) => spawnSync(process.execPath, ['scripts/check-action-yml.mjs', ...(file ? [file] : [])], { encoding: 'utf8' });

describe('scripts/check-action-yml.mjs', () => {
  test("the project's action.yml passes", () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('every problem of a bad action.yml is named, and the check fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-action-yml-'));
    const file = path.join(dir, 'action.yml');
    fs.writeFileSync(
      file,
      [
        'name: x',
        'description: y',
        'inputs:',
        '  Bad_Name:',
        '    description: z',
        '  timeout:',
        '    description: t',
        '    default: 10',
        'outputs:',
        '  result: {}',
        'runs:',
        '  using: node20',
        '  main: dist/missing.js',
        '',
      ].join('\n'),
    );
    const r = run(file);
    expect(r.status).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(/^.*action\.yml: /, ''));
    expect(lines).toEqual([
      'runs.using: "node20"; expected node24',
      'runs.main: dist/missing.js does not exist',
      'inputs.Bad_Name: use lower-case letters, digits and "-"',
      'inputs.timeout: default must be a string (quote it)',
      'outputs.result: no description',
    ]);
  });
});
