// Whole-sync retries (SEMANTICS 8): which results are tried again, and the pause before each.
import { describe, expect, it } from '@jest/globals';
import { backoffMs, retryable } from '../../src/pipeline/retry-policy.js';
import type { FailureReason, SyncOutcome, SyncResult } from '../../src/sync/events.js';

const result = (r: SyncOutcome, reason: FailureReason | null) => ({ result: r, reason }) as SyncResult;

describe('retry policy', () => {
  it('retries failures after something was applied, never refusals, successes or cancellations', () => {
    for (const reason of ['Apply', 'HookFailed', 'Degraded', 'Missing', 'Timeout'] as const) expect(retryable(result('Failed', reason))).toBe(true);
    for (const reason of ['Validation', 'Adoption', 'Lock', 'Cancelled'] as const) expect(retryable(result('Failed', reason))).toBe(false);
    expect(retryable(result('Succeeded', null))).toBe(false);
    expect(retryable(result('Cancelled', 'Cancelled'))).toBe(false);
  });

  it('doubles the pause each time, at most 3 minutes', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(5_000, n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(5_000, 10)).toBe(180_000);
  });
});
