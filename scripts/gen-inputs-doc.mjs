// Regenerates README.md's input and output tables from action.yml, between marker comments.
//   node scripts/gen-inputs-doc.mjs            rewrite README.md
//   node scripts/gen-inputs-doc.mjs --check    exit 1 when README.md is out of date
//   --readme PATH / --action PATH              other files (tests)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const readmePath = option('--readme', path.join(ROOT, 'README.md'));
const actionPath = option('--action', path.join(ROOT, 'action.yml'));

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|');
const code = (text) => (text === '' ? '' : `\`${String(text).replace(/`/g, "'")}\``);

function inputsTable(inputs) {
  const rows = Object.entries(inputs ?? {}).map(
    ([name, i]) => `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${code(i.default ?? '')} | ${cell(i.description)} |`,
  );
  return ['| Input | Required | Default | Description |', '|---|---|---|---|', ...rows].join('\n');
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
  return ['| Output | Description |', '|---|---|', ...rows].join('\n');
}

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${path.relative(ROOT, readmePath)}: markers ${start} and ${end} not found`);
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

const action = parse(readFileSync(actionPath, 'utf8'));
const before = readFileSync(readmePath, 'utf8');
const after = replaceBetween(replaceBetween(before, 'inputs', inputsTable(action.inputs)), 'outputs', outputsTable(action.outputs));

if (args.includes('--check')) {
  if (after !== before) {
    console.error(`${path.relative(ROOT, readmePath)}: the input/output tables do not match action.yml; run \`npm run docs\``);
    process.exitCode = 1;
  }
} else if (after !== before) {
  writeFileSync(readmePath, after);
  console.log(`${path.relative(ROOT, readmePath)}: tables updated from action.yml`);
}
