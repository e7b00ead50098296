// The gate reads the namespace's events to explain slow or failing objects, but never waits for
// that read to open: an events list that hangs (a busy API server) must not hold a healthy wave.
import { describe, expect, it } from '@jest/globals';
import { job, planOf } from './fake-controllers.js';
import { run, setup } from './engine-helpers.js';

const configMap = (name: string, wave: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, annotations: { argocd.argoproj.io/sync-wave: "${wave}" } }\ndata: { a: b }\n`;

describe('the gate and the events lists', () => {
  it('opens every wave while a list of events never answers', async () => {
    const cluster = await setup();
    const list = cluster.list.bind(cluster);
    let eventLists = 0;
    cluster.list = ((apiVersion: string, kind: string, ...rest: unknown[]) => {
      if (kind === 'Event') {
        eventLists++;
        return new Promise(() => {}); // never answers
      }
      return (list as (...a: unknown[]) => ReturnType<typeof list>)(apiVersion, kind, ...rest);
    }) as typeof cluster.list;
    // A Job that takes a while keeps its wave's gate looping (and reading events) until it completes.
    const text = [job('migrate', { 'argocd.argoproj.io/sync-wave': '0' }, { runForMs: 1500 }), configMap('two', 1), configMap('three', 2)].join('---\n');
    const { result } = await run(cluster, planOf(text), { timeoutMs: 20_000 });
    expect({ result: result.result, message: result.result === 'Succeeded' ? '' : result.message }).toEqual({ result: 'Succeeded', message: '' });
    expect(result.steps.map((s) => s.state)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    // The lists were asked for (and hung); the waves did not wait for them.
    expect(eventLists).toBeGreaterThan(0);
  });
});
