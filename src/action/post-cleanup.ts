// The action's post step: cleanup that must happen however the main step ended (failed, killed by
// its timeout, a cancelled job): the checkout the main step made, saved as state
// (STATE_checkout_dir; only a wavesync checkout directory under RUNNER_TEMP is removed), and any
// kubeconfig copy the main step wrote to RUNNER_TEMP and never got to remove.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { KUBECONFIG_DIR_PREFIX } from '../model/temp-names.js';

export const CHECKOUT_STATE = 'checkout_dir';

/** Removes the saved checkout directory; returns what happened, for the log. */
export function cleanupCheckout(env: Record<string, string | undefined>): string {
  const dir = env[`STATE_${CHECKOUT_STATE}`];
  if (!dir) return 'no checkout to remove';
  const temp = env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : null;
  const abs = path.resolve(dir);
  if (!temp || path.dirname(abs) !== temp || !path.basename(abs).startsWith('wavesync-checkout-'))
    return `not removing ${abs}: not a wavesync checkout under RUNNER_TEMP`;
  if (!existsSync(abs)) return 'the checkout was already removed';
  rmSync(abs, { recursive: true, force: true });
  return `removed the checkout ${abs}`;
}

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
  for (const n of copies) rmSync(path.join(tempDir, n), { recursive: true, force: true });
  return copies.length;
}
