// Every action input → one validated options object. The only place that reads INPUT_* variables.
import path from 'node:path';
import { DURATION_ACCEPTED, parseDuration } from './model/duration.js';
import { appNameProblem, defaultAppName } from './plan/app-name.js';

export const MODES = ['sync', 'plan', 'diff', 'delete'] as const;
export type Mode = (typeof MODES)[number];
export const RENDERERS = ['auto', 'plain', 'kustomize', 'helm'] as const;
export type Renderer = (typeof RENDERERS)[number];

export interface ActionInputs {
  /** Paths, directories or globs, relative to the checkout. */
  manifests: string[];
  /** owner/name of the repository holding the manifests. */
  repository: string;
  /** Branch, tag or SHA; empty means the commit that triggered the workflow. */
  ref: string;
  token: string;
  renderer: Renderer;
  helmValues: string[];
  /** Kubeconfig contents (not a path); empty means the runner's default. */
  kubeconfig: string;
  context: string;
  namespace: string;
  app: string;
  mode: Mode;
  prune: boolean;
  dryRun: boolean;
  timeoutSeconds: number;
  waveDelaySeconds: number;
  createNamespace: boolean;
  /** Custom health rules as written (YAML); parsed by the health module. */
  healthChecks: string;
  checkName: string;
  lockTimeoutSeconds: number;
  retries: number;
  failFastAfterSeconds: number;
  /** GitHub environment to record a deployment for; empty: none. */
  environment: string;
  environmentUrl: string;
}

export interface InputsResult {
  inputs: ActionInputs;
  /** One message per bad input, naming the input and what it accepts. */
  errors: string[];
}

type Env = Record<string, string | undefined>;

/** The value of an input as @actions/core reads it: INPUT_<NAME upper-cased, spaces as _>, trimmed. */
export function inputValue(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readInputs(env: Env): InputsResult {
  const errors: string[] = [];
  const get = (name: string) => inputValue(env, name);
  const lines = (name: string) =>
    get(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));

  const choice = <T extends string>(name: string, accepted: readonly T[], fallback: T): T => {
    const v = get(name) || fallback;
    if ((accepted as readonly string[]).includes(v)) return v as T;
    errors.push(`input ${name}: "${v}" is not accepted; use one of ${accepted.join(', ')}`);
    return fallback;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const v = get(name);
    if (v === '') return fallback;
    if (/^(true|yes|on)$/i.test(v)) return true;
    if (/^(false|no|off)$/i.test(v)) return false;
    errors.push(`input ${name}: "${v}" is not a boolean; use true or false`);
    return fallback;
  };
  const duration = (name: string, fallback: string): number => {
    const v = get(name) || fallback;
    const s = parseDuration(v);
    if (s !== null) return s;
    errors.push(`input ${name}: "${v}" is not a duration; ${DURATION_ACCEPTED}`);
    return parseDuration(fallback) ?? 0;
  };
  const count = (name: string, fallback: number): number => {
    const v = get(name);
    if (v === '') return fallback;
    if (/^\d+$/.test(v)) return Number(v);
    errors.push(`input ${name}: "${v}" is not a whole number (0, 1, 2, ...)`);
    return fallback;
  };

  const manifests = lines('manifests');
  if (manifests.length === 0) errors.push('input manifests: required; give one file, directory or glob per line');

  const repository = get('repository') || env.GITHUB_REPOSITORY || '';
  const app = get('app') || defaultAppName(repository.split('/').pop() || path.basename(env.GITHUB_WORKSPACE || process.cwd()));
  const appProblem = appNameProblem(app);
  if (appProblem) errors.push(`input app: ${appProblem}`);

  const inputs: ActionInputs = {
    manifests,
    repository,
    ref: get('ref'),
    token: get('token'),
    renderer: choice('renderer', RENDERERS, 'auto'),
    helmValues: lines('helm-values'),
    kubeconfig: get('kubeconfig'),
    context: get('context'),
    namespace: get('namespace') || 'default',
    app,
    mode: choice('mode', MODES, 'sync'),
    prune: bool('prune', false),
    dryRun: bool('dry-run', false),
    timeoutSeconds: duration('timeout', '10m'),
    waveDelaySeconds: duration('wave-delay', '0s'),
    createNamespace: bool('create-namespace', false),
    healthChecks: get('health-checks'),
    checkName: get('check-name') || `wavesync / ${app}`,
    lockTimeoutSeconds: duration('lock-timeout', '5m'),
    retries: count('retries', 0),
    failFastAfterSeconds: duration('fail-fast-after', '60s'),
    environment: get('environment'),
    environmentUrl: get('environment-url'),
  };
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(inputs.namespace) || inputs.namespace.length > 63) {
    errors.push(`input namespace: "${inputs.namespace}" is not a valid namespace name (lower-case letters, digits and "-", at most 63 characters)`);
  }
  return { inputs, errors };
}
