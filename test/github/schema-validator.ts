// A small validator for the subset of JSON Schema (OpenAPI 3.0 flavour) that GitHub's REST
// description uses for request bodies: $ref, type, nullable, enum, properties, required,
// additionalProperties, items, min/maxItems, min/maxLength, minimum/maximum, pattern, format,
// anyOf, oneOf, allOf.

export type Schema = Record<string, unknown>;

export interface ValidateOptions {
  /** Resolves '#/components/...' references. */
  root: Record<string, unknown>;
  /**
   * Report properties a schema does not declare (when it does not say additionalProperties).
   * Stricter than GitHub, which ignores them: it catches a misspelt field we meant to send.
   */
  strictProperties?: boolean;
}

export function validate(value: unknown, schema: Schema, opts: ValidateOptions, path = '$'): string[] {
  const s = resolve(schema, opts.root);
  const errors: string[] = [];
  if (value === null) {
    if (s.nullable === true || s.type === undefined) return [];
    return [`${path}: null is not allowed`];
  }
  if (typeof s.type === 'string' && !hasType(value, s.type)) return [`${path}: expected ${s.type}, got ${typeName(value)}`];
  if (Array.isArray(s.enum) && !s.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);

  if (typeof value === 'string') {
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength} characters`);
    if (typeof s.minLength === 'number' && value.length < s.minLength) errors.push(`${path}: shorter than ${s.minLength} characters`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
    if (s.format === 'date-time' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) errors.push(`${path}: not an ISO 8601 date-time`);
    if (s.format === 'uri' && !isUri(value)) errors.push(`${path}: not a URI`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) errors.push(`${path}: ${value.length} items, at most ${s.maxItems} allowed`);
    if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: ${value.length} items, at least ${s.minItems} required`);
    if (s.items) value.forEach((v, i) => errors.push(...validate(v, s.items as Schema, opts, `${path}[${i}]`)));
  }
  if (isObject(value)) errors.push(...validateObject(value, s, opts, path));

  if (Array.isArray(s.allOf)) for (const sub of s.allOf) errors.push(...validate(value, sub as Schema, { ...opts, strictProperties: false }, path));
  if (Array.isArray(s.anyOf)) {
    const results = s.anyOf.map((sub) => validate(value, sub as Schema, { ...opts, strictProperties: false }, path));
    if (!results.some((r) => r.length === 0)) errors.push(`${path}: matches none of anyOf (${results.map((r) => r[0]).join('; ')})`);
  }
  if (Array.isArray(s.oneOf)) {
    const matching = s.oneOf.filter((sub) => validate(value, sub as Schema, { ...opts, strictProperties: false }, path).length === 0).length;
    if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf, exactly 1 required`);
  }
  return errors;
}

function validateObject(value: Record<string, unknown>, s: Schema, opts: ValidateOptions, path: string): string[] {
  const errors: string[] = [];
  const props = isObject(s.properties) ? (s.properties as Record<string, Schema>) : null;
  for (const name of Array.isArray(s.required) ? (s.required as string[]) : []) {
    if (!(name in value)) errors.push(`${path}: missing required property ${name}`);
  }
  for (const [name, v] of Object.entries(value)) {
    const sub = props?.[name];
    if (sub) errors.push(...validate(v, sub, opts, `${path}.${name}`));
    else if (s.additionalProperties === false) errors.push(`${path}: property ${name} is not allowed`);
    else if (isObject(s.additionalProperties)) errors.push(...validate(v, s.additionalProperties as Schema, opts, `${path}.${name}`));
    else if (props && s.additionalProperties === undefined && opts.strictProperties) errors.push(`${path}: unknown property ${name}`);
  }
  return errors;
}

export function resolve(schema: Schema, root: Record<string, unknown>): Schema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`reference loop at ${s.$ref}`);
    const ref = s.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!isObject(node)) throw new Error(`unresolved reference ${ref}`);
    s = node as Schema;
  }
  return s;
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return true;
  }
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isUri(v: string): boolean {
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}
