import { describe, expect, test } from '@jest/globals';
import { selectorMatches, selectorStringMatches } from '../../src/model/label-selector.js';

const labels = { app: 'web', tier: 'front' };

describe('one label-selector matcher', () => {
  test.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'api' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, false],
    [{}, false],
  ])('object %j → %s', (sel, expected) => expect(selectorMatches(sel, labels)).toBe(expected));

  test.each([
    ['', true],
    ['app=web', true],
    ['app==web,tier=front', true],
    ['app=web,tier=back', false],
    ['app!=web', false],
    ['tier in (back, front)', true],
    ['tier notin (front),app=web', false],
    ['!canary', true],
    ['app', true],
    ['canary', false],
  ])('string %j → %s', (sel, expected) => expect(selectorStringMatches(sel, labels)).toBe(expected));
});
