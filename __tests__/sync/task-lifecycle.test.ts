// The task lifecycles are declared tables: every listed move works on a real tracker, nothing else
// does, and a task is done exactly in the states its table has no move out of.
import { describe, expect, it } from '@jest/globals';
import type { TaskState } from '../../src/sync/events.js';
import { LIFECYCLES, type TaskAction } from '../../src/sync/task-lifecycle.js';
import { TaskTracker } from '../../src/sync/task-tracker.js';
import { configMap, job, planOf } from './fake-controllers.js';

const EXPECTED: Record<TaskAction, [TaskState, TaskState][]> = {
  apply: [
    ['Pending', 'Applying'], ['Pending', 'Failed'], ['Pending', 'Cancelled'],
    ['Applying', 'Applied'], ['Applying', 'Failed'], ['Applying', 'Cancelled'],
    ['Applied', 'Succeeded'], ['Applied', 'Failed'], ['Applied', 'Cancelled'],
  ],
  hook: [
    ['Pending', 'Applying'], ['Pending', 'Failed'], ['Pending', 'Cancelled'],
    ['Applying', 'Running'], ['Applying', 'Failed'], ['Applying', 'Cancelled'],
    ['Running', 'Succeeded'], ['Running', 'Failed'], ['Running', 'Cancelled'],
  ],
};
const ALL_STATES: TaskState[] = ['Pending', 'Applying', 'Applied', 'Running', 'Succeeded', 'Failed', 'Skipped', 'Cancelled'];

const plan = planOf([configMap('cm', 0), job('migrate', { 'argocd.argoproj.io/hook': 'Sync' })].join('---\n'));
const taskFor = (action: TaskAction) => plan.steps.flatMap((s) => s.tasks).find((t) => t.hook === (action === 'hook'))!;

/** A tracker of that action walked from Pending to `state` along the expected moves. */
function trackerAt(action: TaskAction, state: TaskState): TaskTracker {
  const t = new TaskTracker(taskFor(action), 'live-name');
  const path = (to: TaskState): TaskState[] => {
    if (to === 'Pending') return [];
    const from = EXPECTED[action].find(([f, x]) => x === to && f !== to)![0];
    return [...path(from), to];
  };
  for (const s of path(state)) t.moveTo(s);
  expect(t.state).toBe(state);
  return t;
}

const pairs = (action: TaskAction) => Object.entries(LIFECYCLES[action]).flatMap(([from, tos]) => tos!.map((to) => [from, to]));

describe('task lifecycles', () => {
  it.each(['apply', 'hook'] as const)('%s: a task says what it does', (action) => {
    expect(new TaskTracker(taskFor(action), 'x').action).toBe(action);
  });

  it.each(['apply', 'hook'] as const)('%s: the table is exactly the declared moves', (action) => {
    expect(pairs(action)).toEqual(EXPECTED[action]);
  });

  const allowed = (['apply', 'hook'] as const).flatMap((a) => EXPECTED[a].map(([from, to]) => [a, from, to] as const));
  it.each(allowed)('%s: %s → %s is allowed', (action, from, to) => {
    const t = trackerAt(action, from);
    t.moveTo(to);
    expect(t.state).toBe(to);
  });

  it('an illegal move throws, names the task, and leaves the state as it was', () => {
    const t = trackerAt('apply', 'Pending');
    expect(() => t.moveTo('Succeeded')).toThrow('task ConfigMap live-name (apply): Pending → Succeeded is not a valid transition');
    expect(t.state).toBe('Pending');
    const h = trackerAt('hook', 'Applying');
    expect(() => h.moveTo('Applied')).toThrow('Applying → Applied is not a valid transition');
    h.moveTo('Running');
    h.moveTo('Succeeded');
    expect(() => h.moveTo('Failed')).toThrow('Succeeded → Failed is not a valid transition');
  });

  it.each(['apply', 'hook'] as const)('%s: done exactly in the states with no move out', (action) => {
    const reachable = [...new Set<TaskState>(['Pending', ...EXPECTED[action].map(([, to]) => to)])];
    expect(reachable.filter((s) => trackerAt(action, s).done).sort()).toEqual(['Cancelled', 'Failed', 'Succeeded']);
    expect(ALL_STATES.filter((s) => !reachable.includes(s)).sort()).toEqual([action === 'apply' ? 'Running' : 'Applied', 'Skipped']);
  });
});
