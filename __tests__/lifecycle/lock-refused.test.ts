// A lock not obtained in time ends the run as Failed with reason Lock, through the same event
// stream as a sync (so every reporter says so), in the one result shape.
import { describe, expect, it } from '@jest/globals';
import { lockRefused } from '../../src/pipeline/app-lock.js';
import { syncResultToJson } from '../../src/report/result-json.js';
import { EventBus, type SyncEvent } from '../../src/sync/events.js';
import { resultSchemaErrors } from '../../test/result-schema.js';
import { planOf } from '../sync/fake-controllers.js';

describe('lock refused', () => {
  it('is a started and finished run, Failed (Lock), the holder named, valid against the schema', () => {
    const bus = new EventBus();
    const events: SyncEvent[] = [];
    bus.on((e) => events.push(e));
    const message =
      'another sync of app demo is running: Lease app/wavesync-demo is held by run-1 since 2026-12-07T12:00:00.000000Z; gave up after 300s (lock-timeout)';
    const r = lockRefused(bus, planOf('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n'), 'sync', 'cluster.local:6443', message);
    expect(events.map((e) => e.type)).toEqual(['sync-started', 'warning', 'sync-finished']);
    expect(r).toMatchObject({ result: 'Failed', reason: 'Lock', message });
    const json = syncResultToJson(r);
    expect(resultSchemaErrors(json)).toEqual([]);
    expect(json.steps.flatMap((s) => s.tasks).map((t) => t.state)).toEqual(['Pending']);
  });
});
