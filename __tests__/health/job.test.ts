import { describe, expect, test } from '@jest/globals';
import { jobHealth } from '../../src/health/job.js';
import { cond, job } from './fixtures.js';

describe('Job health', () => {
  test.each([
    [
      'failed',
      job({
        failed: 3,
        startTime: '2024-05-01T10:00:00Z',
        conditions: [
          cond('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
          cond('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
        ],
      }),
      'Degraded',
      'Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit (pods: 0 active, 0 succeeded, 3 failed)',
    ],
    [
      'complete',
      job({
        succeeded: 1,
        completionTime: '2024-05-01T10:00:09Z',
        conditions: [
          cond('SuccessCriteriaMet', 'True', 'CompletionsReached'),
          cond('Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'),
        ],
      }),
      'Healthy',
      'Job completed (pods: 0 active, 1 succeeded, 0 failed)',
    ],
    ['suspended', job({ conditions: [cond('Suspended', 'True', 'JobSuspended', 'Job suspended')] }), 'Suspended', 'JobSuspended'],
    [
      'failure target only (pods still terminating)',
      job({ active: 1, conditions: [cond('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')] }),
      'Progressing',
      'failing',
    ],
    ['success criteria only', job({ succeeded: 1, conditions: [cond('SuccessCriteriaMet', 'True', 'CompletionsReached')] }), 'Progressing', 'Job running'],
    ['running', job({ active: 1, ready: 1, startTime: '2024-05-01T10:00:00Z' }), 'Progressing', 'pods: 1 active, 0 succeeded, 0 failed'],
    ['just created', job(undefined), 'Progressing', 'Job running'],
  ])('%s', (_name, object, status, message) => {
    const got = jobHealth(object);
    expect(got?.status).toBe(status);
    expect(got?.message).toContain(message);
  });
});
