// Builds the committed bundles with ncc into a directory: index.js (the action, from
// src/main.ts), post.js (its post step, from src/post.ts; node:fs only, a few KB) and cli.js (the
// CLI, from src/cli.ts, with a shebang and the executable bit).
import ncc from '@vercel/ncc';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLES = [
  // Entries sit beside their own tsconfig.json (ncc uses the nearest one): it makes the transpiler
  // emit ES modules, which ESM-only dependencies need.
  { entry: 'scripts/bundle-entries/main.ts', file: 'index.js', shebang: false },
  { entry: 'scripts/bundle-entries/post.ts', file: 'post.js', shebang: false },
  { entry: 'scripts/bundle-entries/cli.ts', file: 'cli.js', shebang: true },
  // The post step (action.yml `post:`): removes a kubeconfig copy a killed main step left behind.
  { entry: 'scripts/bundle-entries/post.ts', file: 'post.js', shebang: false },
];

/** Options chosen for reproducible output: no minify, no source maps, no license file, no cache. */
const NCC_OPTIONS = {
  target: 'es2022',
  minify: false,
  sourceMap: false,
  license: '',
  quiet: true,
  cache: false,
  // Type checking is `npm run build` (tsc); ncc only transpiles.
  transpileOnly: true,
};

/**
 * Every non-ASCII character as a \u escape (a surrogate pair for those beyond the BMP). Node then
 * reads the bundle as one-byte text instead of decoding it to two-byte UTF-16, and V8 scans and
 * compiles one-byte source faster (issue 13: start-up). In strings, templates, regular
 * expressions, identifiers and comments the escape means the same character; an identity escape
 * ("\’") loses its backslash so it does not become an escaped backslash.
 */
export function asciiOnly(code) {
  return code.replace(/(\\*)([\u0080-\u{10ffff}])/gu, (_, slashes, ch) => {
    const cp = ch.codePointAt(0);
    const units = cp < 0x10000 ? [cp] : [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return kept + units.map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
  });
}

export async function buildBundles(outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const b of BUNDLES) {
    // filename names the bundle's lazily loaded chunks too (<id>.cli.js, <id>.index.js): the
    // bundles share dist/, and chunks named alike would overwrite each other.
    const { code, assets } = await ncc(path.join(ROOT, b.entry), { ...NCC_OPTIONS, filename: b.file });
    const target = path.join(outDir, b.file);
    const ascii = asciiOnly(code);
    writeFileSync(target, b.shebang && !ascii.startsWith('#!') ? `#!/usr/bin/env node\n${ascii}` : ascii);
    if (b.shebang) chmodSync(target, 0o755);
    for (const [name, asset] of Object.entries(assets)) {
      const assetPath = path.join(outDir, name);
      mkdirSync(path.dirname(assetPath), { recursive: true });
      writeFileSync(assetPath, name.endsWith('.js') ? asciiOnly(String(asset.source)) : asset.source);
    }
  }
}
