// One CEL expression of a user health check: compiled once, evaluated against live objects.
// The object is bound as `self`, as in Kubernetes CRD validation rules and Flux health checks.
import type * as CelModule from '@bufbuild/cel';

export const OBJECT_VARIABLE = 'self';

// @bufbuild/cel (with the protobuf runtime it builds descriptors with when it loads) is its own
// chunk, loaded only when health checks are configured: every start would otherwise pay for it.
let cel: typeof CelModule | undefined;
let env: ReturnType<typeof CelModule.celEnv>;
let loading: Promise<void> | undefined;

/** Loads the CEL engine; compileExpr needs it first. */
export function loadCelEngine(): Promise<void> {
  return (loading ??= Promise.all([import('@bufbuild/cel'), import('@bufbuild/cel/ext')]).then(([m, ext]) => {
    env = m.celEnv({ funcs: ext.strings });
    cel = m;
  }));
}

export const celEngineLoaded = (): boolean => cel !== undefined;

export interface CompiledExpr {
  text: string;
  evaluate(obj: unknown): { value: unknown } | { error: string };
}

// Identifiers CEL itself defines (type names used as values, e.g. `type(x) == string`).
const BUILTIN_IDENTS = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'dyn']);

interface ExprNode {
  exprKind: { case?: string; value?: unknown };
}

/** Names used as variables that are neither `self`, a macro's loop variable nor a CEL builtin. */
function unknownIdents(node: ExprNode | undefined, scope: ReadonlySet<string>, out: Set<string>): void {
  if (!node) return;
  const v = node.exprKind.value as Record<string, unknown> | undefined;
  switch (node.exprKind.case) {
    case 'identExpr': {
      const name = (v as { name: string }).name;
      if (!scope.has(name) && !BUILTIN_IDENTS.has(name)) out.add(name);
      return;
    }
    case 'selectExpr':
      return unknownIdents(v?.operand as ExprNode, scope, out);
    case 'callExpr':
      unknownIdents(v?.target as ExprNode | undefined, scope, out);
      for (const a of (v?.args as ExprNode[]) ?? []) unknownIdents(a, scope, out);
      return;
    case 'listExpr':
      for (const e of (v?.elements as ExprNode[]) ?? []) unknownIdents(e, scope, out);
      return;
    case 'structExpr':
      for (const e of (v?.entries as { keyKind: { case?: string; value?: unknown }; value: ExprNode }[]) ?? []) {
        if (e.keyKind.case === 'mapKey') unknownIdents(e.keyKind.value as ExprNode, scope, out);
        unknownIdents(e.value, scope, out);
      }
      return;
    case 'comprehensionExpr': {
      const c = v as Record<string, unknown>;
      unknownIdents(c.iterRange as ExprNode, scope, out);
      unknownIdents(c.accuInit as ExprNode, scope, out);
      const inner = new Set(scope);
      for (const name of [c.iterVar, c.iterVar2, c.accuVar]) if (typeof name === 'string' && name) inner.add(name);
      for (const key of ['loopCondition', 'loopStep', 'result']) unknownIdents(c[key] as ExprNode, inner, out);
      return;
    }
    default:
      return;
  }
}

/** JSON numbers that are integers become CEL ints (as Kubernetes' CEL does), so `replicas + 1` works. */
export function toCelInput(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCelInput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toCelInput(v);
    return out;
  }
  return value;
}

/** Compile an expression, or explain why it cannot be (syntax error with column, unknown variable). */
export function compileExpr(text: string): CompiledExpr | { error: string } {
  if (!cel) throw new Error('the CEL engine is not loaded (await loadCelEngine() first)');
  const { isCelError, parse, plan } = cel;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: `invalid CEL: ${message.replace(/^<input>:/, 'at ')}` };
  }
  const unknown = new Set<string>();
  unknownIdents(parsed.expr as unknown as ExprNode, new Set([OBJECT_VARIABLE]), unknown);
  if (unknown.size > 0) {
    return { error: `unknown variable ${[...unknown].map((n) => `'${n}'`).join(', ')}: the object is bound as '${OBJECT_VARIABLE}'` };
  }
  const program = plan(env, parsed);
  return {
    text,
    evaluate(obj: unknown) {
      try {
        const out = program({ [OBJECT_VARIABLE]: toCelInput(obj) } as never);
        return isCelError(out) ? { error: out.message } : { value: out };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
