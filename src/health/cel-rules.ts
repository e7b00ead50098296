// One CEL health check (an entry of the `health-checks` file with `healthy:` and friends):
//   - apiVersion: example.com/v1
//     kind: Widget
//     healthy: "has(self.status) && self.status.phase == 'Ready'"
//     degraded: "..."      (optional)
//     progressing: "..."   (optional)
//     message: "..."       (optional, a CEL expression giving a string)
// The object is bound as `self`. Expressions are compiled once, when the file is read.
import type { K8sObject } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import type { HealthResult, HealthStatus } from './types.js';
import { compileExpr, type CompiledExpr } from './cel-expr.js';

export interface CelHealthRule {
  engine: 'cel';
  apiVersion: string;
  kind: string;
  source: Source;
  healthy: CompiledExpr;
  degraded?: CompiledExpr;
  progressing?: CompiledExpr;
  message?: CompiledExpr;
}

export const CEL_KEYS = ['healthy', 'degraded', 'progressing', 'message'] as const;
export type CelKey = (typeof CEL_KEYS)[number];

/** Compile an entry's expressions; each failure names its key (the caller adds file:line). */
export function compileCelRule(
  head: { apiVersion: string; kind: string; source: Source },
  texts: Partial<Record<CelKey, { text: string; line: number }>>,
): { rule?: CelHealthRule; errors: { line: number; message: string }[] } {
  const errors: { line: number; message: string }[] = [];
  const compiled: Partial<Record<CelKey, CompiledExpr>> = {};
  for (const key of CEL_KEYS) {
    const value = texts[key];
    if (!value) continue;
    const c = compileExpr(value.text);
    if ('error' in c) errors.push({ line: value.line, message: `${key}: ${c.error}` });
    else compiled[key] = c;
  }
  if (errors.length > 0 || !compiled.healthy) return { errors };
  const rule: CelHealthRule = { engine: 'cel', ...head, healthy: compiled.healthy };
  if (compiled.degraded) rule.degraded = compiled.degraded;
  if (compiled.progressing) rule.progressing = compiled.progressing;
  if (compiled.message) rule.message = compiled.message;
  return { rule, errors };
}

function where(rule: CelHealthRule): string {
  return `${rule.source.file}:${rule.source.line}`;
}

/** Evaluate a rule: degraded, then healthy, then progressing; none true → Progressing. */
export function evaluateCelRule(rule: CelHealthRule, obj: K8sObject): HealthResult {
  const order: [CelKey, HealthStatus][] = [
    ['degraded', 'Degraded'],
    ['healthy', 'Healthy'],
    ['progressing', 'Progressing'],
  ];
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
