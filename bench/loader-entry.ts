// Bundled by bench/lib/micro.mjs: load the manifests named on the command line, print counts.
import { loadManifests } from '../src/manifests/load.js';

const t0 = process.hrtime.bigint();
const result = loadManifests(process.argv.slice(2), { root: process.cwd() });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(
  JSON.stringify({ objects: result.objects.length, errors: result.errors.length, firstError: result.errors[0]?.message ?? null, ms: Math.round(ms) }) + '\n',
);
