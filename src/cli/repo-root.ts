// The repository root: sources are reported relative to it, as GitHub annotations expect.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest directory at or above start that holds .git; start itself when there is none. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}
