// The `health-checks` input / `--health-checks FILE`: user health rules that win over the built-in
// ones. Either a YAML (or JSON) list of entries, each with apiVersion and kind and then
//   CEL:  healthy (required), degraded, progressing, message       (cel-rules.ts)
//   Lua:  lua: an Argo CD health script, inline or a path to a .lua file (lua-rules.ts)
// or an argocd-cm ConfigMap whose resource.customizations.health.* keys hold Lua scripts.
// Every problem is reported at its file:line; nothing throws.
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { groupOf, type K8sObject, type ValidationError } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import type { HealthResult } from './types.js';
import { CEL_KEYS, compileCelRule, evaluateCelRule, type CelHealthRule, type CelKey } from './cel-rules.js';
import { compileLuaRule, evaluateLuaRule, luaRuleMatches, type LuaHealthRule } from './lua-rules.js';
import { isConfigMap, luaEntriesFromConfigMap, textLine } from './argocd-cm.js';

export type HealthCheckRule = CelHealthRule | LuaHealthRule;

export interface ParseOptions {
  /** Reads a `lua:` file path (relative paths are resolved against baseDir). Without it, paths are refused. */
  readFile?: (file: string) => string;
  /** Directory `lua:` paths are relative to (the health-checks file's directory, or the workspace). */
  baseDir?: string;
}

const ACCEPTED_KEYS = ['apiVersion', 'kind', ...CEL_KEYS, 'lua'];
const CORE_VERSION = /^v\d+((alpha|beta)\d+)?$/;
const SHAPE =
  'health checks must be a list of entries with apiVersion, kind and either healthy (CEL, plus optional degraded, progressing, message) or lua (an Argo CD health script), or an argocd-cm ConfigMap';

/** A `lua:` value that names a file rather than holding a script: one line ending in .lua. */
function isScriptPath(text: string): boolean {
  return !text.includes('\n') && /\.lua$/.test(text.trim());
}

export function parseHealthChecks(text: string, fileName: string, opts: ParseOptions = {}): { rules: HealthCheckRule[]; errors: ValidationError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors: ValidationError[] = [];
  const at = (node: Node | null | undefined): Source => ({ file: fileName, line: node?.range ? lines.linePos(node.range[0]).line : 1 });
  const fail = (node: Node | null | undefined, message: string) => errors.push({ source: at(node), message });

  for (const e of doc.errors) {
    errors.push({ source: { file: fileName, line: lines.linePos(e.pos[0]).line }, message: `invalid YAML: ${e.message.split('\n')[0]}` });
  }
  if (errors.length > 0) return { rules: [], errors };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { rules: [], errors };

  const rules: HealthCheckRule[] = [];
  if (isConfigMap(root)) {
    const found = luaEntriesFromConfigMap(root, fileName, lines);
    errors.push(...found.errors);
    for (const entry of found.entries) {
      const out = compileLuaRule(entry, entry.script);
      if ('error' in out) errors.push(out.error);
      else rules.push(out.rule);
    }
    return { rules, errors };
  }
  if (!isSeq(root)) {
    fail(root, SHAPE);
    return { rules: [], errors };
  }

  const seen = new Map<string, Source>();
  for (const item of root.items) {
    const entry = item as Node;
    if (!isMap(entry)) {
      fail(entry, `each health check must be a mapping with keys ${ACCEPTED_KEYS.join(', ')}`);
      continue;
    }
    const values = new Map<string, { text: string; node: Node }>();
    let ok = true;
    for (const pair of entry.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyNode = pair.key as Node;
      if (!ACCEPTED_KEYS.includes(key)) {
        fail(keyNode, `unknown key '${key}' in a health check; accepted: ${ACCEPTED_KEYS.join(', ')}`);
        ok = false;
        continue;
      }
      const valueNode = (pair.value ?? keyNode) as Node;
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string' || pair.value.value.trim() === '') {
        fail(valueNode, `'${key}' must be a non-empty string`);
        ok = false;
        continue;
      }
      values.set(key, { text: pair.value.value, node: valueNode });
    }
    if (!ok) continue;
    for (const required of ['apiVersion', 'kind']) {
      if (!values.has(required) && ok) {
        fail(entry, `health check without '${required}'; each entry needs apiVersion, kind and either healthy (CEL) or lua`);
        ok = false;
      }
    }
    const lua = values.get('lua');
    const celKeys = CEL_KEYS.filter((k) => values.has(k));
    if (ok && lua && celKeys.length > 0) {
      fail(entry, `a health check gives either lua or CEL expressions (${celKeys.join(', ')}), not both`);
      ok = false;
    }
    if (ok && !lua && !values.has('healthy')) {
      fail(entry, "health check without 'healthy'; each entry needs apiVersion, kind and either healthy (CEL) or lua");
      ok = false;
    }
    if (!ok) continue;

    const apiVersion = values.get('apiVersion')!;
    if (!apiVersion.text.includes('/') && !CORE_VERSION.test(apiVersion.text)) {
      fail(apiVersion.node, `apiVersion '${apiVersion.text}' must be group/version (example.com/v1) or a core version (v1)`);
      continue;
    }
    const kind = values.get('kind')!.text;
    const id = `${apiVersion.text} ${kind}`;
    const earlier = seen.get(id);
    if (earlier) {
      fail(entry, `a second health check for ${kind} (${apiVersion.text}); the first is at ${earlier.file}:${earlier.line}`);
      continue;
    }
    seen.set(id, at(entry));
    const head = { apiVersion: apiVersion.text, kind, source: at(entry) };

    if (lua) {
      const script = loadScript(lua.text, lua.node, lines, fileName, opts);
      if ('error' in script) {
        fail(lua.node, script.error);
        continue;
      }
      const out = compileLuaRule({ group: groupOf(apiVersion.text), kind, source: head.source, scriptAt: script.at }, script.text);
      if ('error' in out) errors.push(out.error);
      else rules.push(out.rule);
      continue;
    }
    const texts: Partial<Record<CelKey, { text: string; line: number }>> = {};
    for (const key of celKeys) texts[key] = { text: values.get(key)!.text, line: at(values.get(key)!.node).line };
    const out = compileCelRule(head, texts);
    for (const e of out.errors) errors.push({ source: { file: fileName, line: e.line }, message: e.message });
    if (out.rule) rules.push(out.rule);
  }
  return { rules, errors };
}

function loadScript(value: string, node: Node, lines: LineCounter, fileName: string, opts: ParseOptions): { text: string; at: Source } | { error: string } {
  if (!isScriptPath(value)) return { text: value, at: { file: fileName, line: textLine(node, lines) } };
  const file = path.resolve(opts.baseDir ?? '.', value.trim());
  if (!opts.readFile) return { error: `lua: ${value.trim()}: script files are not read here; give the script inline` };
  try {
    return { text: opts.readFile(file), at: { file: value.trim(), line: 1 } };
  } catch {
    return { error: `lua: ${value.trim()}: file not found or not readable (paths are relative to ${opts.baseDir ?? 'the working directory'})` };
  }
}

/**
 * The rule for an object: a CEL rule for its exact apiVersion, else a CEL rule for its group and
 * kind (any version), else a Lua rule for its group and kind (exact before wildcard).
 */
export function findHealthCheck(rules: readonly HealthCheckRule[], obj: K8sObject): HealthCheckRule | undefined {
  if (rules.length === 0) return undefined;
  const group = groupOf(obj.apiVersion);
  const cel = rules.filter((r): r is CelHealthRule => r.engine === 'cel' && r.kind === obj.kind && groupOf(r.apiVersion) === group);
  const exact = cel.find((r) => r.apiVersion === obj.apiVersion) ?? cel[0];
  if (exact) return exact;
  const lua = rules.filter((r): r is LuaHealthRule => r.engine === 'lua' && luaRuleMatches(r, obj));
  return lua.find((r) => !r.group.includes('*') && !r.kind.includes('*')) ?? lua[0];
}

export function evaluateHealthCheck(rule: HealthCheckRule, obj: K8sObject): HealthResult {
  return rule.engine === 'cel' ? evaluateCelRule(rule, obj) : evaluateLuaRule(rule, obj);
}
