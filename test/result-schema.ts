// Validates results against the published JSON Schema (docs/result.schema.json) with ajv.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';

// ajv is CommonJS: under Node's ESM the class is the module itself, under TypeScript its default.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module.default }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;

const SCHEMA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/result.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { $id: string };
const validateResult = ajv.compile(schema);
const validateFailure = ajv.compile({ $ref: `${schema.$id}#/$defs/failure` });

/** The schema's complaints about a result, as readable lines; [] when it conforms. */
export function resultSchemaErrors(value: unknown): string[] {
  return validateResult(value)
    ? []
    : (validateResult.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'} ${e.message}`);
}

/** The same for one item of the `failed-resources` output. */
export function failureSchemaErrors(value: unknown): string[] {
  return validateFailure(value)
    ? []
    : (validateFailure.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath || '/'} ${e.message}`);
}
