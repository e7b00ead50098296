// The job summary names the release a sync recorded and links the previous one's commit.
import { describe, expect, it } from '@jest/globals';
import { buildSyncSummary } from '../../src/report/summary.js';
import type { SyncResult } from '../../src/sync/events.js';

const result = (release: SyncResult['release']): SyncResult => ({
  app: 'shop',
  revision: 'bbbb2222cccc',
  mode: 'sync',
  result: 'Succeeded',
  reason: null,
  message: 'synced',
  failedPhase: null,
  failures: [],
  syncFailFailures: [],
  steps: [],
  syncFailSteps: [],
  startedAt: 0,
  finishedAt: 1000,
  durationMs: 1000,
  server: null,
  release,
});
const gh = {
  owner: 'acme',
  repo: 'shop',
  sha: 'bbbb2222cccc',
  eventName: 'push',
  runId: '1',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runUrl: '',
};

describe('summary: releases', () => {
  it('shows the release and links the previous release to its commit', () => {
    const text = buildSyncSummary(
      {
        result: result({ number: 3, previous: { number: 2, revision: 'aaaa1111', result: 'Succeeded', startedAt: '2026-12-07T12:00:00.000Z' } }),
        plan: null,
        warnings: [],
        validationErrors: [],
      },
      { github: gh },
    );
    expect(text).toContain('| **Release** | `v3` |');
    expect(text).toContain('| **Previous release** | `v2` [`aaaa1111`](https://github.com/acme/shop/commit/aaaa1111): Succeeded, 2026-12-07T12:00:00.000Z |');
  });
  it('says nothing of releases when the sync kept no history', () => {
    expect(buildSyncSummary({ result: result(undefined), plan: null, warnings: [], validationErrors: [] }, { github: gh })).not.toContain('Release');
  });
});
