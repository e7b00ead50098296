// The action's post step: remove the checkout the main step made, even when the main step failed
// or was killed before its own cleanup ran. The main step saves the directory as state
// (STATE_checkout_dir in this step); only a wavesync checkout directory under RUNNER_TEMP is removed.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

export const CHECKOUT_STATE = 'checkout_dir';

/** Removes the saved checkout directory; returns what happened, for the log. */
export function cleanupCheckout(env: Record<string, string | undefined>): string {
  const dir = env[`STATE_${CHECKOUT_STATE}`];
  if (!dir) return 'no checkout to remove';
  const temp = env.RUNNER_TEMP ? path.resolve(env.RUNNER_TEMP) : null;
  const abs = path.resolve(dir);
  if (!temp || path.dirname(abs) !== temp || !path.basename(abs).startsWith('wavesync-checkout-')) return `not removing ${abs}: not a wavesync checkout under RUNNER_TEMP`;
  if (!existsSync(abs)) return 'the checkout was already removed';
  rmSync(abs, { recursive: true, force: true });
  return `removed the checkout ${abs}`;
}
