// Sync-time names for generateName hooks: <generateName><rev7>-<phase>-<unixtime>, lower case
// (SEMANTICS section 4). The same name is used for the whole sync.
import type { Phase } from '../model/phases.js';

/** Job names end up in a label value, so 63 characters is the limit that matters. */
const MAX_NAME = 63;

/**
 * @param revision commit SHA (or any ref); only [a-z0-9] are kept and the first 7 used. When there is
 *   no revision the segment is left out: `<generateName><phase>-<unixtime>`.
 * @param unixtime seconds since the epoch, taken once at the start of the sync.
 */
export function hookName(generateName: string, revision: string | null, phase: Phase, unixtime: number): string {
  const rev7 = (revision ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 7);
  const suffix = `${rev7 ? `${rev7}-` : ''}${phase}-${Math.floor(unixtime)}`.toLowerCase();
  const prefix = generateName.toLowerCase().slice(0, Math.max(0, MAX_NAME - suffix.length));
  return `${prefix}${suffix}`;
}
