import { expect, test } from '@jest/globals';
import { appNameProblem, defaultAppName } from '../../src/plan/app-name.js';

test.each(['seeds', 'my-app-2', 'a'])('%s is a valid app name', (name) => expect(appNameProblem(name)).toBeNull());
test.each(['My-App', '-app', 'app-', 'a_b', '', 'x'.repeat(54)])('"%s" is not', (name) => expect(appNameProblem(name)).toMatch(/lower-case letters/));
test('default app names are derived from a directory name', () => {
  expect(defaultAppName('My_Repo.v2')).toBe('my-repo-v2');
  expect(defaultAppName('___')).toBe('app');
});
