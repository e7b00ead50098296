// The action's post step: the kubeconfig copy the main step wrote to RUNNER_TEMP is removed there
// as the step ends, but a main step killed by its timeout or a cancelled job never gets to; this
// step runs after it whatever happened (post-if: always()) and removes any copy left behind.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECONFIG_DIR_PREFIX } from '../model/temp-names.js';

/** Remove every kubeconfig copy directory in `tempDir`; returns how many there were. */
export function removeKubeconfigCopies(tempDir: string | undefined): number {
  if (!tempDir) return 0;
  let names: string[];
  try {
    names = readdirSync(tempDir);
  } catch {
    return 0;
  }
  const copies = names.filter((n) => n.startsWith(KUBECONFIG_DIR_PREFIX));
  for (const n of copies) rmSync(join(tempDir, n), { recursive: true, force: true });
  return copies.length;
}
