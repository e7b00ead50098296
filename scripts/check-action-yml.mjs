// action.yml's own shape, which actionlint does not check on its own: what GitHub needs to run it
// (runs.using node24, an existing main), and what people need to use it (a description on every
// input and output; defaults as strings, since inputs always arrive as strings).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(ROOT, 'action.yml');
const doc = parseDocument(readFileSync(file, 'utf8'));
const problems = doc.errors.map((e) => `${e.linePos?.[0]?.line ?? 1}: ${e.message}`);
const a = doc.toJS() ?? {};
const need = (ok, msg) => ok || problems.push(msg);

need(typeof a.name === 'string' && a.name, 'name: missing');
need(typeof a.description === 'string' && a.description, 'description: missing');
need(a.runs?.using === 'node24', `runs.using: "${a.runs?.using}"; expected node24`);
need(a.runs?.main && existsSync(path.join(path.dirname(file), a.runs.main)), `runs.main: ${a.runs?.main} does not exist`);
if (a.runs?.post) need(existsSync(path.join(path.dirname(file), a.runs.post)), `runs.post: ${a.runs.post} does not exist`);
for (const [name, input] of Object.entries(a.inputs ?? {})) {
  need(/^[a-z][a-z0-9-]*$/.test(name), `inputs.${name}: use lower-case letters, digits and "-"`);
  need(typeof input?.description === 'string' && input.description.trim(), `inputs.${name}: no description`);
  need(input?.default === undefined || typeof input.default === 'string', `inputs.${name}: default must be a string (quote it)`);
  need(!(input?.required === true && input?.default !== undefined), `inputs.${name}: required with a default`);
}
for (const [name, output] of Object.entries(a.outputs ?? {})) {
  need(typeof output?.description === 'string' && output.description.trim(), `outputs.${name}: no description`);
}
if (problems.length) {
  for (const p of problems) console.error(`${path.relative(process.cwd(), file)}: ${p}`);
  process.exitCode = 1;
}
