// GitHub's published REST description (@octokit/openapi), indexed for matching requests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve as resolveRef, validate, type Schema } from './schema-validator.js';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  operationId: string;
  regex: RegExp;
  params: { name: string; schema: Schema }[];
  body: Schema | null;
  bodyRequired: boolean;
}

export interface MatchedRequest {
  operationId: string;
  template: string;
  pathParams: Record<string, string>;
  errors: string[];
}

const SPEC_FILE = fileURLToPath(new URL('../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url));
let cached: { spec: Json; operations: Operation[] } | null = null;

function load(): { spec: Json; operations: Operation[] } {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Json;
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as Json;
      const params = ((op.parameters as Schema[]) ?? [])
        .map((p) => resolveRef(p, spec))
        .filter((p) => p.in === 'path')
        .map((p) => ({ name: p.name as string, schema: p.schema as Schema }));
      const rb = op.requestBody ? resolveRef(op.requestBody as Schema, spec) : null;
      const body = (rb?.content as Record<string, { schema?: Schema }> | undefined)?.['application/json']?.schema ?? null;
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)');
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId as string,
        regex: new RegExp(`^${pattern}$`),
        params,
        body,
        bodyRequired: rb?.required === true,
      });
    }
  }
  // Literal segments win over parameters: /check-runs/{id} must not swallow /check-runs/{id}/annotations.
  operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  cached = { spec, operations };
  return cached;
}

/** Finds the operation for method+path and validates path parameters and the JSON body. */
export function matchRequest(method: string, path: string, body: unknown): MatchedRequest | null {
  const { spec, operations } = load();
  for (const op of operations) {
    if (op.method !== method) continue;
    const m = op.regex.exec(path);
    if (!m) continue;
    const names = [...op.template.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
    const pathParams: Record<string, string> = {};
    names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1])));
    const errors: string[] = [];
    for (const p of op.params) {
      const raw = pathParams[p.name];
      const value = p.schema?.type === 'integer' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      errors.push(...validate(value, p.schema ?? {}, { root: spec }, `path.${p.name}`));
    }
    if (op.body) {
      if (body === undefined) {
        if (op.bodyRequired) errors.push('body: a JSON body is required');
      } else errors.push(...validate(body, op.body, { root: spec, strictProperties: true }, 'body'));
    }
    return { operationId: op.operationId, template: op.template, pathParams, errors };
  }
  return null;
}
