// The post step removes the checkout the main step saved, and nothing else.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupCheckout } from '../../src/action/post-cleanup.js';

const runnerTemp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-rt-'));

describe('post step cleanup', () => {
  it('removes a wavesync checkout under RUNNER_TEMP (left behind by a killed main step)', () => {
    const temp = runnerTemp();
    const dir = fs.mkdtempSync(path.join(temp, 'wavesync-checkout-'));
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expect(cleanupCheckout({ RUNNER_TEMP: temp, STATE_checkout_dir: dir })).toBe(`removed the checkout ${dir}`);
    expect(fs.existsSync(dir)).toBe(false);
    expect(cleanupCheckout({ RUNNER_TEMP: temp, STATE_checkout_dir: dir })).toBe('the checkout was already removed');
  });

  it('leaves anything else alone', () => {
    const temp = runnerTemp();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-checkout-'));
    const notOurs = fs.mkdtempSync(path.join(temp, 'something-'));
    expect(cleanupCheckout({ RUNNER_TEMP: temp, STATE_checkout_dir: other })).toMatch(/^not removing .*: not a wavesync checkout under RUNNER_TEMP$/);
    expect(cleanupCheckout({ RUNNER_TEMP: temp, STATE_checkout_dir: notOurs })).toMatch(/^not removing/);
    expect(cleanupCheckout({ RUNNER_TEMP: temp })).toBe('no checkout to remove');
    expect([fs.existsSync(other), fs.existsSync(notOurs)]).toEqual([true, true]);
  });
});
