// The health rules shown in README.md's Health section parse and judge objects as the text says.
import { beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assessHealth } from '../../src/health/assess.js';
import { parseHealthChecks } from '../../src/health/health-checks.js';
import { loadRuleEngines } from '../../src/health/load-health-checks.js';
import { formatProblem } from '../../src/model/problems.js';
import { obj } from './fixtures.js';

// The engines are chunks of their own, loaded when health checks are configured (load-health-checks.ts).
beforeAll(() => loadRuleEngines());

const readme = readFileSync(path.resolve(import.meta.dirname ?? '.', '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Health\n'), readme.indexOf('\n## ', readme.indexOf('## Health\n') + 1));
const rules = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => /^- apiVersion:/.test(y));

test('README shows a CEL rule and a Lua rule, both valid', () => {
  expect(rules).toHaveLength(2);
  for (const text of rules) expect(parseHealthChecks(text, 'README.md').errors.map(formatProblem)).toEqual([]);
});

test('the README rules judge objects as described', () => {
  const [cel, lua] = rules.map((t) => parseHealthChecks(t, 'README.md').rules);
  expect(assessHealth(obj('example.com/v1', 'Widget', 'w', { status: { phase: 'Failed' } }), cel).status).toBe('Degraded');
  expect(assessHealth(obj('example.com/v1', 'Widget', 'w', { status: { phase: 'Ready' } }), cel).status).toBe('Healthy');
  expect(assessHealth(obj('example.com/v1', 'Gadget', 'g', { status: { state: 'on' } }), lua)).toEqual({ status: 'Healthy', message: 'gadget on' });
  expect(assessHealth(obj('example.com/v1', 'Gadget', 'g'), lua)).toEqual({ status: 'Progressing', message: 'waiting for the gadget' });
});
