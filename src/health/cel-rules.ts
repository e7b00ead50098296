// User-defined health checks (the `health-checks` input): a YAML or JSON list of
//   - apiVersion: example.com/v1
//     kind: Widget
//     healthy: "has(self.status) && self.status.phase == 'Ready'"
//     degraded: "..."      (optional)
//     progressing: "..."   (optional)
//     message: "..."       (optional, a CEL expression giving a string)
// The object is bound as `self`. Expressions are compiled once, when the file is read.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { groupOf, type K8sObject, type ValidationError } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import type { HealthResult, HealthStatus } from './types.js';
import { compileExpr, type CompiledExpr } from './cel-expr.js';

export interface CelHealthRule {
  apiVersion: string;
  kind: string;
  source: Source;
  healthy: CompiledExpr;
  degraded?: CompiledExpr;
  progressing?: CompiledExpr;
  message?: CompiledExpr;
}

const EXPRESSION_KEYS = ['healthy', 'degraded', 'progressing', 'message'] as const;
type ExpressionKey = (typeof EXPRESSION_KEYS)[number];
const ACCEPTED_KEYS = ['apiVersion', 'kind', ...EXPRESSION_KEYS];
const CORE_VERSION = /^v\d+((alpha|beta)\d+)?$/;

/** Parse and compile a health-checks file. Every problem is reported at its file:line; nothing throws. */
export function parseHealthChecks(text: string, fileName: string): { rules: CelHealthRule[]; errors: ValidationError[] } {
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
  if (!isSeq(root)) {
    fail(root, 'health checks must be a list of entries with apiVersion, kind and healthy (plus optional degraded, progressing, message)');
    return { rules: [], errors };
  }

  const rules: CelHealthRule[] = [];
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
    for (const required of ['apiVersion', 'kind', 'healthy']) {
      if (!values.has(required) && ok) {
        fail(entry, `health check without '${required}'; each entry needs apiVersion, kind and healthy`);
        ok = false;
      }
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

    const compiled: Partial<Record<ExpressionKey, CompiledExpr>> = {};
    for (const key of EXPRESSION_KEYS) {
      const value = values.get(key);
      if (!value) continue;
      const c = compileExpr(value.text);
      if ('error' in c) {
        fail(value.node, `${key}: ${c.error}`);
        ok = false;
      } else {
        compiled[key] = c;
      }
    }
    if (!ok) continue;
    rules.push({ apiVersion: apiVersion.text, kind, source: at(entry), healthy: compiled.healthy!, ...pick(compiled) });
  }
  return { rules, errors };
}

function pick(c: Partial<Record<ExpressionKey, CompiledExpr>>): Partial<CelHealthRule> {
  const out: Partial<CelHealthRule> = {};
  if (c.degraded) out.degraded = c.degraded;
  if (c.progressing) out.progressing = c.progressing;
  if (c.message) out.message = c.message;
  return out;
}

/** The rule for an object: one written for its exact apiVersion, else one for its group and kind. */
export function findCelRule(rules: readonly CelHealthRule[], obj: K8sObject): CelHealthRule | undefined {
  const sameKind = rules.filter((r) => r.kind === obj.kind && groupOf(r.apiVersion) === groupOf(obj.apiVersion));
  return sameKind.find((r) => r.apiVersion === obj.apiVersion) ?? sameKind[0];
}

function where(rule: CelHealthRule): string {
  return `${rule.source.file}:${rule.source.line}`;
}

/** Evaluate a rule: degraded, then healthy, then progressing; none true → Progressing. */
export function evaluateCelRule(rule: CelHealthRule, obj: K8sObject): HealthResult {
  const order: [ExpressionKey, HealthStatus][] = [['degraded', 'Degraded'], ['healthy', 'Healthy'], ['progressing', 'Progressing']];
  for (const [key, status] of order) {
    const expr = rule[key];
    if (!expr) continue;
    const out = expr.evaluate(obj);
    if ('error' in out) {
      return { status: 'Progressing', message: `health check ${where(rule)}: ${key}: ${out.error}` };
    }
    if (typeof out.value !== 'boolean') {
      return { status: 'Progressing', message: `health check ${where(rule)}: ${key} gave ${typeof out.value}, expected true or false` };
    }
    if (out.value) return { status, message: userMessage(rule, obj) ?? `${key} (health check ${where(rule)})` };
  }
  return { status: 'Progressing', message: userMessage(rule, obj) ?? `waiting for healthy (health check ${where(rule)})` };
}

function userMessage(rule: CelHealthRule, obj: K8sObject): string | undefined {
  if (!rule.message) return undefined;
  const out = rule.message.evaluate(obj);
  return 'value' in out && typeof out.value === 'string' && out.value !== '' ? out.value : undefined;
}
