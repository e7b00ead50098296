// Action entry (bundled to dist/index.js): inputs → options → pipeline → outputs.
import * as core from './report/runner.js';
import { readInputs, type ActionInputs, type Mode } from './inputs.js';
import type { Problem } from './model/problems.js';
import { runPlanMode } from './action/plan-mode.js';
import { runDiffMode } from './action/diff-mode.js';
import { runSyncMode } from './action/sync-mode.js';
import { runDeleteMode } from './action/delete-mode.js';
import { setRefusedOutputs } from './action/refused-outputs.js';
import { capYoungGeneration } from './pipeline/young-generation.js';

type Env = Record<string, string | undefined>;
type ModeRunner = (inputs: ActionInputs, env: Env, inputProblems: Problem[], started: number) => Promise<void>;

const MODES: Record<Mode, ModeRunner> = {
  plan: runPlanMode,
  sync: (inputs, env, problems) => runSyncMode(inputs, env, problems),
  diff: runDiffMode,
  delete: (inputs, env, problems) => runDeleteMode(inputs, env, problems),
  rollback: (inputs, env, problems) => runSyncMode(inputs, env, problems),
};

async function run(env: Env = process.env): Promise<void> {
  const started = Date.now();
  const { inputs, errors } = readInputs(env);
  if (inputs.token) core.setSecret(inputs.token);
  if (inputs.kubeconfig) core.setSecret(inputs.kubeconfig);
  const revision = inputs.ref || env.GITHUB_SHA || null;
  if (errors.length > 0) {
    const message = `${errors.length} invalid input${errors.length > 1 ? 's' : ''}; nothing was applied`;
    for (const e of errors) core.error(e);
    setRefusedOutputs({ app: inputs.app, revision, mode: inputs.mode, problems: errors.map((e) => ({ source: null, message: e })), message, started });
    core.setFailed(message);
    return;
  }
  try {
    await MODES[inputs.mode](inputs, env, [], started);
  } catch (err) {
    const message = `wavesync failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    setRefusedOutputs({ app: inputs.app, revision, mode: inputs.mode, problems: [], message: message.split('\n')[0], started });
    core.setFailed(message);
  }
}

capYoungGeneration();
void run();
