// The step's outputs when no pipeline ran (invalid inputs, a mode not available, an internal
// error): the same shapes as any other run, with result Failed.
import type { Problem } from '../model/problems.js';
import { refusedOutputs, setOutputs } from '../report/outputs.js';

export function setRefusedOutputs(opts: { app: string; revision: string | null; mode: string; problems: Problem[]; message: string; started: number }): void {
  setOutputs(refusedOutputs({ ...opts, durationMs: Date.now() - opts.started }));
}
