// Argo CD Lua health scripts: the sandbox, `lua:` entries of a health-checks file, argocd-cm
// ConfigMaps, and errors that name the kind and the line instead of crashing.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { assessHealth } from '../../src/health/assess.js';
import { parseHealthChecks, type ParseOptions } from '../../src/health/health-checks.js';
import { LuaScript } from '../../src/health/lua/sandbox.js';
import { loadRuleEngines } from '../../src/health/load-health-checks.js';
import { formatProblem } from '../../src/model/problems.js';
import { cond, obj } from './fixtures.js';

// The engines are chunks of their own, loaded when health checks are configured (load-health-checks.ts).
beforeAll(() => loadRuleEngines());

// A script in the style teams keep in argocd-cm: the object is `obj`, the answer is `hs`.
const WIDGET_SCRIPT = `hs = {}
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" and c.status == "True" then
      hs.status = "Healthy"
      hs.message = "widget ready: " .. (c.message or "")
      return hs
    end
    if c.type == "Ready" and c.status == "False" and c.reason == "OutOfStock" then
      hs.status = "Degraded"
      hs.message = c.message
      return hs
    end
  end
end
hs.status = "Progressing"
hs.message = "waiting for the widget"
return hs
`;

const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

const widget = (conditions?: Record<string, unknown>[], metadata: Record<string, unknown> = {}) =>
  obj('shop.example.com/v1', 'Widget', 'blue', { spec: { color: 'blue' }, ...(conditions ? { status: { conditions } } : {}) }, metadata);

function parse(text: string, file = 'health.yaml', opts: ParseOptions = {}) {
  const out = parseHealthChecks(text, file, opts);
  return { rules: out.rules, errors: out.errors.map(formatProblem) };
}

describe('Lua sandbox', () => {
  const run = (script: string, object: unknown = {}) => {
    const s = LuaScript.compile(script);
    if ('error' in s) return s;
    return s.run(object);
  };

  test('the object is `obj`; the returned table is the verdict; numbers and arrays convert', () => {
    expect(
      run('return { status = "Healthy", message = obj.kind .. " " .. obj.spec.replicas .. " " .. #obj.spec.ports }', {
        kind: 'Widget',
        spec: { replicas: 3, ports: [80, 443] },
      }),
    ).toEqual({ value: { status: 'Healthy', message: 'Widget 3 2' } });
  });

  test('a global hs without return is accepted, as in older Argo CD scripts', () => {
    expect(run('hs = { status = "Suspended", message = "paused" }')).toEqual({ value: { status: 'Suspended', message: 'paused' } });
  });

  test.each([
    'io',
    'os.execute',
    'os.getenv',
    'os.remove',
    'os.exit',
    'require',
    'load',
    'loadfile',
    'dofile',
    'package',
    'debug',
    'collectgarbage',
    'string.dump',
  ])('%s is not reachable', (name) => {
    expect(run(`return { status = "Healthy", message = type(${name}) }`)).toEqual({ value: { status: 'Healthy', message: 'nil' } });
  });

  test('the clock part of os is there, as in Argo CD (scripts compare timestamps)', () => {
    expect(run('return { status = "Healthy", message = type(os.time()) .. " " .. os.date("%Y", 15778800) }')).toEqual({
      value: { status: 'Healthy', message: 'number 1970' },
    });
  });

  test('an endless loop stops at the instruction limit', () => {
    expect(run('local n = 0 while true do n = n + 1 end')).toEqual({ error: expect.stringContaining('instruction limit exceeded') });
  });

  test('a script that allocates without bound stops at the memory limit', () => {
    const s = LuaScript.compile('local t = {} for i = 1, 1e8 do t[i] = { i, tostring(i) } end return t', { instructions: 1e9, memoryBytes: 32 * 1024 * 1024 });
    expect('error' in s ? s : s.run({})).toEqual({ error: expect.stringContaining('memory limit exceeded') });
  });

  test('string.rep cannot build a huge string in one step', () => {
    expect(run('return { status = string.rep("x", 1e10) }')).toEqual({ error: 'string.rep result too large', line: 1 });
  });

  test('a runtime error gives the script line', () => {
    expect(run('local x = obj.status\n\nreturn { status = x.phase }', {})).toEqual({ error: expect.stringContaining('attempt to index'), line: 3 });
  });

  test('one run does not leak globals into the next', () => {
    const s = LuaScript.compile('if seen then return { status = "Degraded" } end seen = true return { status = "Healthy" }');
    if ('error' in s) throw new Error(s.error);
    expect(s.run({})).toEqual({ value: { status: 'Healthy', message: undefined } });
    expect(s.run({})).toEqual({ value: { status: 'Healthy', message: undefined } });
  });
});

describe('lua: entries in a health-checks file', () => {
  const file = `# our widgets
- apiVersion: shop.example.com/v1
  kind: Widget
  lua: |
${indent(WIDGET_SCRIPT, 4)}`;

  test.each([
    ['ready', widget([cond('Ready', 'True', 'Stocked', '12 in stock')]), 'Healthy', 'widget ready: 12 in stock'],
    ['out of stock', widget([cond('Ready', 'False', 'OutOfStock', 'no blue widgets left')]), 'Degraded', 'no blue widgets left'],
    ['no status yet', widget(), 'Progressing', 'waiting for the widget'],
  ])('%s', (_name, object, status, message) => {
    const { rules, errors } = parse(file);
    expect(errors).toEqual([]);
    expect(assessHealth(object, rules)).toEqual({ status, message });
  });

  test('the rule matches the group and kind in any version', () => {
    const { rules } = parse(file);
    expect(assessHealth({ ...widget([cond('Ready', 'True')]), apiVersion: 'shop.example.com/v2' }, rules).status).toBe('Healthy');
    expect(assessHealth({ ...widget([cond('Ready', 'True')]), apiVersion: 'other.example.com/v1' }, rules).message).not.toContain('widget ready');
  });

  test('deletion still comes first', () => {
    const { rules } = parse(file);
    expect(assessHealth(widget([cond('Ready', 'True')], { deletionTimestamp: '2024-05-01T11:00:00Z' }), rules).status).toBe('Progressing');
  });

  test('a syntax error is reported at its line in the file, naming the kind', () => {
    const { errors } = parse('- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: |\n    hs = {}\n    if obj.status then\n    return hs\n');
    expect(errors).toEqual([expect.stringMatching(/^health\.yaml:7: Lua health script for shop\.example\.com\/Widget \(script line 4\): .*'end' expected/)]);
  });

  test('a runtime error is a verdict naming the kind and the line, not a crash', () => {
    const { rules, errors } = parse(
      '- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: |\n    hs = {}\n    hs.status = obj.status.phase\n    return hs\n',
    );
    expect(errors).toEqual([]);
    const got = assessHealth(widget(), rules);
    expect(got.status).toBe('Unknown');
    expect(got.message).toMatch(/^Lua health script for Widget \(health\.yaml:5, script line 2\) failed: attempt to index/);
  });

  test('a runaway script is Degraded with the limit it hit', () => {
    const { rules } = parse('- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: "while true do end"\n');
    expect(assessHealth(widget(), rules)).toEqual({ status: 'Degraded', message: expect.stringContaining('instruction limit exceeded') });
  });

  test('an hs.status Argo CD does not know is reported', () => {
    const { rules } = parse('- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: return { status = "Green" }\n');
    expect(assessHealth(widget(), rules)).toEqual({ status: 'Unknown', message: expect.stringContaining("set hs.status to 'Green'; expected one of Healthy") });
  });

  test('lua and CEL in one entry is refused', () => {
    expect(parse('- apiVersion: shop.example.com/v1\n  kind: Widget\n  healthy: "true"\n  lua: return {}\n').errors).toEqual([
      'health.yaml:1: a health check gives either lua or CEL expressions (healthy), not both',
    ]);
  });

  test('lua: a path reads the script relative to the health-checks file', () => {
    const files: Record<string, string> = { '/repo/.github/health/widget.lua': WIDGET_SCRIPT };
    const readFile = (f: string) => {
      if (!(f in files)) throw new Error('ENOENT');
      return files[f]!;
    };
    const text = '- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: health/widget.lua\n';
    const { rules, errors } = parse(text, '.github/checks.yaml', { readFile, baseDir: '/repo/.github' });
    expect(errors).toEqual([]);
    expect(assessHealth(widget([cond('Ready', 'True', 'Stocked', 'ok')]), rules).status).toBe('Healthy');
    expect(parse(text.replace('widget.lua', 'gadget.lua'), '.github/checks.yaml', { readFile, baseDir: '/repo/.github' }).errors).toEqual([
      expect.stringMatching(/^\.github\/checks\.yaml:3: lua: health\/gadget\.lua: file not found or not readable/),
    ]);
  });
});

describe('argocd-cm ConfigMap', () => {
  const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
  namespace: argocd
data:
  url: https://argocd.example.com
  resource.customizations.ignoreDifferences.apps_Deployment: |
    jsonPointers: [/spec/replicas]
  resource.customizations.health.shop.example.com_Widget: |
${indent(WIDGET_SCRIPT, 4)}
  resource.customizations.health.*.ops.example.com_*: |
    return { status = "Suspended", message = "ops objects wait for a human" }
  resource.customizations: |
    shop.example.com/Gadget:
      health.lua: |
        hs = {}
        hs.status = obj.status.state == "on" and "Healthy" or "Progressing"
        hs.message = "gadget " .. obj.status.state
        return hs
`;

  test('health keys become rules; other keys are skipped', () => {
    const { rules, errors } = parse(configMap, 'argocd-cm.yaml');
    expect(errors).toEqual([]);
    expect(rules.map((r) => (r.engine === 'lua' ? `${r.group}/${r.kind}` : r.kind))).toEqual([
      'shop.example.com/Widget',
      '*.ops.example.com/*',
      'shop.example.com/Gadget',
    ]);
  });

  test('split keys, wildcard keys and the older resource.customizations block all judge objects', () => {
    const { rules } = parse(configMap, 'argocd-cm.yaml');
    expect(assessHealth(widget([cond('Ready', 'True', 'Stocked', '3 left')]), rules)).toEqual({ status: 'Healthy', message: 'widget ready: 3 left' });
    expect(assessHealth(obj('db.ops.example.com/v1', 'Backup', 'nightly', { status: { phase: 'Done' } }), rules)).toEqual({
      status: 'Suspended',
      message: 'ops objects wait for a human',
    });
    expect(assessHealth(obj('shop.example.com/v1', 'Gadget', 'g', { status: { state: 'on' } }), rules)).toEqual({ status: 'Healthy', message: 'gadget on' });
  });

  test('an error in the older block points at its line in the file', () => {
    const broken = configMap.replace('hs.message = "gadget " .. obj.status.state', 'hs.message = = 1');
    const { errors } = parse(broken, 'argocd-cm.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^argocd-cm\.yaml:\d+: Lua health script for shop\.example\.com\/Gadget \(script line 3\)/);
    const line = Number(errors[0]!.split(':')[1]);
    expect(broken.split('\n')[line - 1]).toContain('hs.message = = 1');
  });

  test('a ConfigMap without data is refused with what is expected', () => {
    expect(parse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n', 'cm.yaml').errors).toEqual([
      'cm.yaml:1: an argocd-cm ConfigMap needs a data map with resource.customizations.health.<group_kind> keys',
    ]);
  });
});
