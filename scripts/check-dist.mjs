// Fails when dist/ does not match what src/ builds to: rebuild to a temp dir and compare every file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundles, ROOT } from './build-bundles.mjs';

function listFiles(dir, base = dir) {
  let out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(listFiles(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

const dist = path.join(ROOT, 'dist');
const fresh = mkdtempSync(path.join(tmpdir(), 'wavesync-dist-'));
try {
  await buildBundles(fresh);
  const expected = listFiles(fresh);
  let actual = [];
  try {
    actual = listFiles(dist);
  } catch {
    // no dist/ at all: every file is missing
  }
  const problems = [];
  for (const f of expected) {
    if (!actual.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(dist, f)))) problems.push(`dist/${f} differs from src/`);
    else if ((statSync(path.join(fresh, f)).mode & 0o111) !== (statSync(path.join(dist, f)).mode & 0o111)) {
      problems.push(`dist/${f} has the wrong executable bit`);
    }
  }
  for (const f of actual) if (!expected.includes(f)) problems.push(`dist/${f} is not built from src/ any more`);
  if (problems.length > 0) {
    console.error(`dist/ does not match src/:\n  ${problems.join('\n  ')}\nRun \`npm run bundle\` and commit dist/.`);
    process.exitCode = 1;
  } else {
    console.log(`dist/ matches src/ (${expected.length} files)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
