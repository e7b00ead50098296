import { describe, expect, test } from '@jest/globals';
import { evaluateCelRule, type CelHealthRule } from '../../src/health/cel-rules.js';
import { findHealthCheck as findCelRule, parseHealthChecks } from '../../src/health/health-checks.js';
import type { K8sObject } from '../../src/manifests/types.js';
import { formatProblem } from '../../src/model/problems.js';
import { cond, obj } from './fixtures.js';
import { loadRuleEngines } from '../../src/health/load-health-checks.js';

// The CEL and Lua engines are chunks of their own, loaded when health checks are configured.
// (at the top: the rules below are compiled while the tests are being declared)
await loadRuleEngines();

const FILE = '.github/health-checks.yaml';

const WIDGET_RULES = `# health of our custom resources
- apiVersion: example.com/v1
  kind: Widget
  healthy: "has(self.status) && self.status.phase == 'Ready'"
  degraded: "has(self.status) && self.status.phase == 'Failed'"
  progressing: "has(self.status) && self.status.phase == 'Provisioning'"
  message: "has(self.status) && has(self.status.message) ? self.status.message : ''"
- apiVersion: example.com/v1
  kind: Gadget
  healthy: >-
    self.status.conditions.exists(c, c.type == 'Synced' && c.status == 'True')
    && self.status.readyReplicas + 1 > self.spec.replicas
`;

function rules(text = WIDGET_RULES): CelHealthRule[] {
  const parsed = parseHealthChecks(text, FILE);
  expect(parsed.errors.map(formatProblem)).toEqual([]);
  return parsed.rules as CelHealthRule[];
}

const widget = (status?: Record<string, unknown>) => obj('example.com/v1', 'Widget', 'blue', { spec: { size: 3 }, ...(status ? { status } : {}) });

describe('CEL health checks: evaluation', () => {
  const [widgetRule, gadgetRule] = rules();

  test.each([
    ['healthy', widget({ phase: 'Ready' }), 'Healthy'],
    ['degraded', widget({ phase: 'Failed', message: 'quota exceeded for widgets' }), 'Degraded'],
    ['progressing', widget({ phase: 'Provisioning' }), 'Progressing'],
    ['none true', widget({ phase: 'Queued' }), 'Progressing'],
    ['no status yet (has() guards)', widget(), 'Progressing'],
  ])('%s', (_name, object, status) => {
    expect(evaluateCelRule(widgetRule!, object).status).toBe(status);
  });

  test('the message expression supplies the message', () => {
    expect(evaluateCelRule(widgetRule!, widget({ phase: 'Failed', message: 'quota exceeded for widgets' }))).toEqual({
      status: 'Degraded',
      message: 'quota exceeded for widgets',
    });
  });

  test('without a message the rule and the true expression are named', () => {
    expect(evaluateCelRule(widgetRule!, widget({ phase: 'Ready' })).message).toBe(`healthy (health check ${FILE}:2)`);
  });

  test('integers are CEL ints, lists support macros', () => {
    const gadget = (ready: number) =>
      obj('example.com/v1', 'Gadget', 'g', {
        spec: { replicas: 2 },
        status: { readyReplicas: ready, conditions: [cond('Synced', 'True', 'ReconcileSuccess')] },
      });
    expect(evaluateCelRule(gadgetRule!, gadget(2)).status).toBe('Healthy');
    expect(evaluateCelRule(gadgetRule!, gadget(1)).status).toBe('Progressing');
  });

  test('an evaluation error is Progressing with the error, not a crash', () => {
    const got = evaluateCelRule(gadgetRule!, obj('example.com/v1', 'Gadget', 'g', { spec: { replicas: 2 } }));
    expect(got.status).toBe('Progressing');
    expect(got.message).toMatch(new RegExp(`^health check ${FILE.replace(/\./g, '\\.')}:8: healthy: .*status`));
  });

  test('a non-boolean result is reported', () => {
    const [rule] = rules(`- {apiVersion: example.com/v1, kind: Widget, healthy: "self.metadata.name"}`);
    expect(evaluateCelRule(rule!, widget())).toEqual({
      status: 'Progressing',
      message: expect.stringContaining('healthy gave string, expected true or false'),
    });
  });

  test('degraded is evaluated before healthy', () => {
    const [rule] = rules(`- {apiVersion: example.com/v1, kind: Widget, healthy: "true", degraded: "self.spec.size > 2"}`);
    expect(evaluateCelRule(rule!, widget()).status).toBe('Degraded');
  });
});

describe('CEL health checks: matching', () => {
  const text = `[
  {"apiVersion": "example.com/v1", "kind": "Widget", "healthy": "true"},
  {"apiVersion": "example.com/v2", "kind": "Widget", "healthy": "false"}
]`;
  const parsed = rules(text);
  const v1 = (apiVersion: string, kind = 'Widget'): K8sObject => obj(apiVersion, kind, 'x');

  test('an exact apiVersion wins, else any version of the group', () => {
    expect(findCelRule(parsed, v1('example.com/v2'))?.source.line).toBe(3);
    expect(findCelRule(parsed, v1('example.com/v1'))?.source.line).toBe(2);
    expect(findCelRule(parsed, v1('example.com/v1beta1'))?.source.line).toBe(2);
  });

  test('another group or kind does not match', () => {
    expect(findCelRule(parsed, v1('other.example.com/v1'))).toBeUndefined();
    expect(findCelRule(parsed, v1('example.com/v1', 'Gizmo'))).toBeUndefined();
  });
});

describe('CEL health checks: file errors at file:line', () => {
  test.each([
    [
      'CEL syntax error',
      `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: "self.status.phase == "\n`,
      `${FILE}:3: healthy: invalid CEL: at 1:19: found =`,
    ],
    [
      'unknown variable',
      `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: "true"\n  degraded: "object.status.phase == 'Failed'"\n`,
      `${FILE}:4: degraded: unknown variable 'object': the object is bound as 'self'`,
    ],
    ['missing healthy', `- apiVersion: example.com/v1\n  kind: Widget\n  degraded: "false"\n`, `${FILE}:1: health check without 'healthy'`],
    [
      'unknown key',
      `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: "true"\n  ready: "true"\n`,
      `${FILE}:4: unknown key 'ready' in a health check; accepted: apiVersion, kind, healthy, degraded, progressing, message`,
    ],
    ['non-string expression', `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: true\n`, `${FILE}:3: 'healthy' must be a non-empty string`],
    ['bad apiVersion', `- apiVersion: example.com\n  kind: Widget\n  healthy: "true"\n`, `${FILE}:1: apiVersion 'example.com' must be group/version`],
    ['not a list', `apiVersion: example.com/v1\nkind: Widget\n`, `${FILE}:1: health checks must be a list`],
    [
      'entry not a mapping',
      `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: "true"\n- just a string\n`,
      `${FILE}:4: each health check must be a mapping`,
    ],
    [
      'duplicate',
      `- {apiVersion: example.com/v1, kind: Widget, healthy: "true"}\n\n- {apiVersion: example.com/v1, kind: Widget, healthy: "false"}\n`,
      `${FILE}:3: a second health check for Widget (example.com/v1); the first is at ${FILE}:1`,
    ],
    ['invalid YAML', `- apiVersion: example.com/v1\n  kind: Widget\n  healthy: a: b\n`, `${FILE}:3: invalid YAML`],
  ])('%s', (_name, text, expected) => {
    const { errors } = parseHealthChecks(text, FILE);
    expect(errors.map(formatProblem)).toEqual([expect.stringContaining(expected)]);
  });

  test('every error is collected, good entries are kept', () => {
    const text = `- {apiVersion: example.com/v1, kind: Widget, healthy: "self.x =="}\n- {apiVersion: example.com/v1, kind: Gadget, healthy: "true"}\n- {apiVersion: example.com/v1, kind: Gizmo, healthy: "slef.ok"}\n`;
    const { rules: parsed, errors } = parseHealthChecks(text, FILE);
    expect(errors.map((e) => e.source?.line)).toEqual([1, 3]);
    expect(parsed.map((r) => r.kind)).toEqual(['Gadget']);
  });

  test('an empty file has no rules and no errors', () => {
    expect(parseHealthChecks('', FILE)).toEqual({ rules: [], errors: [] });
    expect(parseHealthChecks('# nothing yet\n', FILE)).toEqual({ rules: [], errors: [] });
  });
});
