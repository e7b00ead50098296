import { expect, test } from '@jest/globals';
import { hookName } from '../../src/plan/hook-name.js';

test('generateName hooks are named <generateName><rev7>-<phase>-<unixtime>, lower case', () => {
  expect(hookName('db-migrate-', 'ABCDEF1234567890', 'PreSync', 1700000000)).toBe('db-migrate-abcdef1-presync-1700000000');
  expect(hookName('Smoke-', 'abc', 'PostSync', 1700000000.9)).toBe('smoke-abc-postsync-1700000000');
});

test('without a revision the segment is left out', () => {
  expect(hookName('smoke-', null, 'PostSync', 42)).toBe('smoke-postsync-42');
});

test('long prefixes are cut so the name fits in 63 characters, keeping the unique suffix', () => {
  const name = hookName('a'.repeat(80), '0123456789abcdef', 'SyncFail', 1700000000);
  expect(name).toHaveLength(63);
  expect(name.endsWith('0123456-syncfail-1700000000')).toBe(true);
});

test("Argo CD's example generateName (no trailing dash) keeps the phase's own separator without a revision", () => {
  expect(hookName('upgrade-sql-schema', null, 'PreSync', 1700000000)).toBe('upgrade-sql-schemapresync-1700000000');
  expect(hookName('upgrade-sql-schema', 'abcdef1234', 'PreSync', 1700000000)).toBe('upgrade-sql-schemaabcdef1-presync-1700000000');
});
