// An API server that cannot be reached during validation is the run's failure, said once: not a
// "discovery failed" validation error repeated at every object's line (issue 14).
import { describe, expect, it } from '@jest/globals';
import { configMap, planOf } from './fake-controllers.js';
import { run, setup } from './engine-helpers.js';

class ClusterConnectionError extends Error {
  constructor() {
    super('cannot reach the Kubernetes API server https://127.0.0.1:1023: connection refused (injected)');
    this.name = 'ClusterConnectionError';
  }
}

describe('an unreachable API server during validation', () => {
  it('fails the sync with one message naming the server; no object is blamed, nothing applied', async () => {
    const cluster = await setup();
    let calls = 0;
    cluster.resolve = async () => {
      calls++;
      throw new ClusterConnectionError();
    };
    const { result, events } = await run(cluster, planOf([configMap('a', 0), configMap('b', 1), configMap('c', 2)].join('---\n')));
    expect(calls).toBeGreaterThan(0);
    expect(result.result).toBe('Failed');
    expect(events.some((e) => e.type === 'validation-failed')).toBe(false);
    expect(result.message.match(/cannot reach the Kubernetes API server/g)).toHaveLength(1);
    expect(result.message).not.toMatch(/discovery failed|k8s\/app\.yaml/);
    expect(cluster.ops.filter((o) => o.verb !== 'get' && o.verb !== 'watch')).toEqual([]);
  });

  it('an object the server refuses to describe is still an error at its own line', async () => {
    const cluster = await setup();
    cluster.resolve = async () => {
      throw new Error('forbidden (injected)');
    };
    const { events } = await run(cluster, planOf(configMap('a', 0)));
    const failed = events.find((e) => e.type === 'validation-failed');
    expect(failed && 'errors' in failed ? failed.errors.map((e) => e.message) : []).toEqual([
      expect.stringContaining('discovery failed: forbidden (injected)'),
    ]);
  });
});
