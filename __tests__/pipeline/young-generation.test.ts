// The young-generation cap relies on V8 reading --semi-space-growth-factor each time it considers
// growing. A child Node (the one the tests run on) keeps 50,000 small objects alive while making
// garbage, which makes V8 grow the young generation; with the cap it must stay near its size.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { STOP_GROWTH_FLAG, YOUNG_GENERATION_BYTES } from '../../src/pipeline/young-generation.js';

const child = (flag: string | null) => {
  const script = `
    const v8 = require('node:v8');
    if (${JSON.stringify(flag)}) v8.setFlagsFromString(${JSON.stringify(flag)});
    const live = new Array(50000);
    for (let i = 0; i < 2000000; i++) live[i % 50000] = { a: 'x' + i, b: [i, i + 1] };
    console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(out.stderr).toBe('');
  return Number(out.stdout.trim());
};

describe('capping the young generation', () => {
  it('without the flag V8 grows it past the cap; with it, it stays at its size when the flag was set', () => {
    expect(child(null)).toBeGreaterThan(2 * YOUNG_GENERATION_BYTES);
    expect(child(STOP_GROWTH_FLAG)).toBeLessThanOrEqual(YOUNG_GENERATION_BYTES);
  });
});
