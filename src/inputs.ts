// Every action input → one validated options object. The only place that reads INPUT_* variables.
import path from 'node:path';
import { DURATION_ACCEPTED, parseDuration } from './model/duration.js';
import { appNameProblem, defaultAppName } from './plan/app-name.js';

export const MODES = ['sync', 'plan', 'diff', 'delete', 'rollback'] as const;
export const ON_FAILURE = ['fail', 'rollback'] as const;
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
  /** helm --set KEY=VALUE, one per line. */
  helmSet: string[];
  /** Image overrides, one per line (name=newName:tag, name@digest...). */
  images: string[];
  /** Kubeconfig contents (not a path); empty means the runner's default. */
  kubeconfig: string;
  context: string;
  namespace: string;
  app: string;
  mode: Mode;
  prune: boolean;
  /** Prune=confirm objects may be pruned. */
  pruneConfirm: boolean;
  /** Take over objects labelled for another app. */
  forceAdopt: boolean;
  dryRun: boolean;
  timeoutSeconds: number;
  waveDelaySeconds: number;
  createNamespace: boolean;
  /** Custom health rules as written (YAML); parsed by the health module. */
  healthChecks: string;
  checkName: string;
  lockTimeoutSeconds: number;
  retries: number;
  retryBackoffSeconds: number;
  /** rollback: after a failed sync, sync the last successful release again. */
  onFailure: (typeof ON_FAILURE)[number];
  historyLimit: number;
  /** mode rollback: the release ("v3") or revision to return to; empty: the previous one. */
  rollbackTo: string;
  failFastAfterSeconds: number;
  /** GitHub environment to record a deployment for; empty: none. */
  environment: string;
  environmentUrl: string;
  /** mode diff: post the diff as one pull-request comment, edited on later runs. */
  commentOnPr: boolean;
  /** mode diff: fail the step when a sync would change something. */
  diffExitCode: boolean;
}

export interface InputsResult {
  inputs: ActionInputs;
  /** One message per bad input, naming the input and what it accepts. */
  errors: string[];
}

type Env = Record<string, string | undefined>;

/**
 * action.yml's defaults, which GitHub's runner sets for every input not given (a unit test keeps
 * the two equal). Also the fallbacks when an input is absent (a local run, the CLI's tests).
 */
export const INPUT_DEFAULTS = {
  renderer: 'auto',
  namespace: 'default',
  mode: 'sync',
  prune: 'false',
  'prune-confirm': 'false',
  'force-adopt': 'false',
  'dry-run': 'false',
  timeout: '10m',
  'wave-delay': '0s',
  'create-namespace': 'false',
  'lock-timeout': '5m',
  retries: '0',
  'retry-backoff': '5s',
  'on-failure': 'fail',
  'history-limit': '10',
  'fail-fast-after': '60s',
  'comment-on-pr': 'false',
  'diff-exit-code': 'false',
} as const;

const isTrue = (v: string) => v === 'true';

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
  // mode delete works from the inventory alone; manifests only add its delete hooks.
  if (manifests.length === 0 && get('mode') !== 'delete' && get('mode') !== 'rollback')
    errors.push('input manifests: required; give one file, directory or glob per line');

  const repository = get('repository') || env.GITHUB_REPOSITORY || '';
  const app = get('app') || defaultAppName(repository.split('/').pop() || path.basename(env.GITHUB_WORKSPACE || process.cwd()));
  const appProblem = appNameProblem(app);
  if (appProblem) errors.push(`input app: ${appProblem}`);

  const inputs: ActionInputs = {
    manifests,
    repository,
    ref: get('ref'),
    token: get('token'),
    renderer: choice('renderer', RENDERERS, INPUT_DEFAULTS.renderer),
    helmValues: lines('helm-values'),
    helmSet: lines('helm-set'),
    images: lines('images'),
    kubeconfig: get('kubeconfig'),
    context: get('context'),
    namespace: get('namespace') || INPUT_DEFAULTS.namespace,
    app,
    mode: choice('mode', MODES, INPUT_DEFAULTS.mode),
    prune: bool('prune', isTrue(INPUT_DEFAULTS.prune)),
    pruneConfirm: bool('prune-confirm', isTrue(INPUT_DEFAULTS['prune-confirm'])),
    forceAdopt: bool('force-adopt', isTrue(INPUT_DEFAULTS['force-adopt'])),
    dryRun: bool('dry-run', isTrue(INPUT_DEFAULTS['dry-run'])),
    timeoutSeconds: duration('timeout', INPUT_DEFAULTS.timeout),
    waveDelaySeconds: duration('wave-delay', INPUT_DEFAULTS['wave-delay']),
    createNamespace: bool('create-namespace', isTrue(INPUT_DEFAULTS['create-namespace'])),
    healthChecks: get('health-checks'),
    checkName: get('check-name') || `wavesync / ${app}`,
    lockTimeoutSeconds: duration('lock-timeout', INPUT_DEFAULTS['lock-timeout']),
    retries: count('retries', Number(INPUT_DEFAULTS.retries)),
    retryBackoffSeconds: duration('retry-backoff', INPUT_DEFAULTS['retry-backoff']),
    onFailure: choice('on-failure', ON_FAILURE, INPUT_DEFAULTS['on-failure']),
    historyLimit: Math.max(1, count('history-limit', Number(INPUT_DEFAULTS['history-limit']))),
    rollbackTo: get('rollback-to'),
    failFastAfterSeconds: duration('fail-fast-after', INPUT_DEFAULTS['fail-fast-after']),
    environment: get('environment'),
    environmentUrl: get('environment-url'),
    commentOnPr: bool('comment-on-pr', isTrue(INPUT_DEFAULTS['comment-on-pr'])),
    diffExitCode: bool('diff-exit-code', isTrue(INPUT_DEFAULTS['diff-exit-code'])),
  };
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(inputs.namespace) || inputs.namespace.length > 63) {
    errors.push(`input namespace: "${inputs.namespace}" is not a valid namespace name (lower-case letters, digits and "-", at most 63 characters)`);
  }
  return { inputs, errors };
}
