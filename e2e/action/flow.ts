// The repository the action deploys in these tests: the seeds' release flow (PreSync check and
// migration, three Sync waves with a Secret, PostSync smoke test, SyncFail notifier), written into a
// fresh checkout with a .git directory.
import { randomBytes } from 'node:crypto';
import { writeManifests } from '../sync/harness.js';
import { configMap, deployment, hook, job, secret, service } from '../sync/manifests.js';

type Ann = Record<string, string>;

export interface Checkout {
  workspace: string;
  files: Record<string, string>;
  /** The Secret's value: must never reach a log, an output, the summary or a request. */
  secretValue: string;
  /** Line of the object's document in its file, as GitHub shows it (1-based). */
  lineOf(file: string, name: string): number;
}

export function checkout(opts: { migrate?: Ann } = {}): Checkout {
  const secretValue = `pw-${randomBytes(9).toString('hex')}`;
  const files = {
    'k8s/hooks.yaml': [
      job('config-check', hook('PreSync', -2, 'BeforeHookCreation')),
      job('migrate', hook('PreSync', -1, 'BeforeHookCreation'), opts.migrate ?? {}),
      job('smoke-test', hook('PostSync', 0, 'HookSucceeded')),
      job('notify-failure', hook('SyncFail', 0, 'HookSucceeded')),
    ].join('---\n'),
    'k8s/app.yaml': [configMap('settings', 0), secret('credentials', 0, secretValue), deployment('web', 1), service('web', 2)].join('---\n'),
  };
  return { workspace: writeManifests(files), files, secretValue, lineOf: (file, name) => documentLine(files[file as keyof typeof files] ?? '', name) };
}

/** The first line of the YAML document whose metadata names `name`. */
export function documentLine(text: string, name: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === `  name: ${name}`);
  if (at < 0) throw new Error(`no object named ${name}`);
  let start = at;
  while (start > 0 && lines[start - 1] !== '---') start--;
  return start + 1;
}
