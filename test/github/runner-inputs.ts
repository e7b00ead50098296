// The INPUT_* variables GitHub's runner gives an action's step: every input of action.yml, set to
// the step's `with:` value or else to its default, with ${{ github.repository }} and
// ${{ github.token }} evaluated as the runner does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ACTION_YML = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../action.yml');

export interface RunnerContext {
  /** github.repository (owner/name). */
  repository: string;
  /** github.token (the job's GITHUB_TOKEN). */
  token: string;
}

/** action.yml's inputs and their defaults as written (expressions unevaluated). */
export function actionDefaults(file = ACTION_YML): Record<string, string> {
  const action = parse(readFileSync(file, 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [name, i.default ?? '']));
}

function evaluate(value: string, ctx: RunnerContext): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expr: string) => {
    if (expr === 'github.repository') return ctx.repository;
    if (expr === 'github.token') return ctx.token;
    throw new Error(`action.yml default ${whole}: not an expression this harness evaluates`);
  });
}

/** INPUT_<NAME> for every input: `with` where given, else the evaluated default. */
export function runnerInputEnv(withInputs: Record<string, string>, ctx: RunnerContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, fallback] of Object.entries(actionDefaults())) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = name in withInputs ? withInputs[name] : evaluate(fallback, ctx);
  }
  for (const name of Object.keys(withInputs)) {
    if (!(name in actionDefaults())) throw new Error(`input ${name} is not in action.yml`);
  }
  return env;
}
