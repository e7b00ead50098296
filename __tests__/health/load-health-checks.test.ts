// Where health checks come from: a file, inline YAML in the action input, or a workspace path in it.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadHealthChecks } from '../../src/health/load-health-checks.js';
import { luaEngineLoaded } from '../../src/health/lua/sandbox.js';
import { assessHealth } from '../../src/health/assess.js';
import { formatProblem } from '../../src/model/problems.js';
import { obj } from './fixtures.js';

let root: string;
const CM = `apiVersion: v1
kind: ConfigMap
metadata: {name: argocd-cm}
data:
  resource.customizations.health.shop.example.com_Widget: |
    return { status = obj.status.phase == "Done" and "Healthy" or "Progressing", message = "phase " .. obj.status.phase }
`;
const done = obj('shop.example.com/v1', 'Widget', 'w', { status: { phase: 'Done' } });

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'wavesync-health-'));
  mkdirSync(path.join(root, '.github', 'health'), { recursive: true });
  writeFileSync(path.join(root, '.github', 'argocd-cm.yaml'), CM);
  writeFileSync(path.join(root, '.github', 'health', 'widget.lua'), 'return { status = "Degraded", message = "from a file" }\n');
  writeFileSync(path.join(root, '.github', 'checks.yaml'), '- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: health/widget.lua\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loading health checks', () => {
  // First in this file: the module registry is this file's own, so nothing has loaded the engine.
  test('without health checks the Lua engine is not loaded; with them it is', async () => {
    expect(await loadHealthChecks({ root })).toEqual({ rules: [], errors: [] });
    expect(luaEngineLoaded()).toBe(false);
    await loadHealthChecks({ text: '.github/argocd-cm.yaml', root });
    expect(luaEngineLoaded()).toBe(true);
  });

  test('--health-checks pointing at an argocd-cm ConfigMap', async () => {
    const { rules, errors } = await loadHealthChecks({ file: path.join(root, '.github', 'argocd-cm.yaml') });
    expect(errors).toEqual([]);
    expect(assessHealth(done, rules)).toEqual({ status: 'Healthy', message: 'phase Done' });
  });

  test('the action input holding a workspace path', async () => {
    const { rules, errors } = await loadHealthChecks({ text: '.github/argocd-cm.yaml\n', root });
    expect(errors).toEqual([]);
    expect(assessHealth(done, rules).status).toBe('Healthy');
  });

  test('a lua: path is read relative to the file that names it', async () => {
    const { rules, errors } = await loadHealthChecks({ file: path.join(root, '.github', 'checks.yaml') });
    expect(errors).toEqual([]);
    expect(assessHealth(done, rules)).toEqual({ status: 'Degraded', message: 'from a file' });
  });

  test('inline YAML in the action input reads lua: paths from the workspace', async () => {
    const { rules, errors } = await loadHealthChecks({ text: '- apiVersion: shop.example.com/v1\n  kind: Widget\n  lua: .github/health/widget.lua\n', root });
    expect(errors).toEqual([]);
    expect(assessHealth(done, rules).message).toBe('from a file');
  });

  test('a path that does not exist is one clear error', async () => {
    expect((await loadHealthChecks({ text: 'ops/missing.yaml', root })).errors.map(formatProblem)).toEqual([
      'ops/missing.yaml: health checks file not found or not readable',
    ]);
  });
});
