// npm run bundle: rebuild dist/ from src/ (commit the result).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildBundles, ROOT } from './build-bundles.mjs';

const dist = path.join(ROOT, 'dist');
const started = Date.now();
rmSync(dist, { recursive: true, force: true });
await buildBundles(dist);
console.log(`dist/ rebuilt in ${((Date.now() - started) / 1000).toFixed(1)}s`);
