// The "source" of a task that comes from the cluster, not from a manifest: a member being pruned
// or deleted. Reporters show "in the cluster"; the JSON result has file and line null.
import type { Source } from './problems.js';

export const LIVE_SOURCE: Source = { file: '(in the cluster)', line: 0 };

export function isLiveSource(s: Source): boolean {
  return s.line === 0 && s.file === LIVE_SOURCE.file;
}
