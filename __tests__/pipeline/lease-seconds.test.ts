// WAVESYNC_LEASE_SECONDS shortens the app lock's Lease (crash tests take it over after expiry);
// anything outside 5 to 300 whole seconds keeps the default.
import { describe, expect, it } from '@jest/globals';
import { leaseSeconds } from '../../src/pipeline/app-lock.js';

describe('leaseSeconds', () => {
  it('reads WAVESYNC_LEASE_SECONDS between 5 and 300', () => {
    expect(leaseSeconds({ WAVESYNC_LEASE_SECONDS: '6' })).toBe(6);
    expect(leaseSeconds({ WAVESYNC_LEASE_SECONDS: '300' })).toBe(300);
  });
  it('keeps the default for absent, empty, fractional or out-of-range values', () => {
    for (const v of [undefined, '', '4', '301', '7.5', 'ten', '-6']) expect(leaseSeconds({ WAVESYNC_LEASE_SECONDS: v })).toBeUndefined();
    expect(leaseSeconds()).toBeUndefined();
  });
});
