// The bundles are written in ASCII (scripts/build-bundles.mjs): Node reads them as one-byte text,
// which starts faster. The escaping must not change what any code means.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Runs `code` and its ASCII version in a fresh Node (the build script is plain JavaScript). */
function both(code: string): { original: string; ascii: string; escaped: string } {
  const script = `
    const { asciiOnly } = await import('./scripts/build-bundles.mjs');
    const code = process.argv[1];
    const run = (s) => { const m = { exports: null }; new Function('module', s)(m); return JSON.stringify(m.exports); };
    const escaped = asciiOnly(code);
    process.stdout.write(JSON.stringify({ original: run(code), ascii: run(escaped), escaped }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, code], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('ASCII bundles', () => {
  it('strings, templates, regular expressions, identifiers, identity escapes and characters beyond the BMP mean the same', () => {
    const code = [
      'const a = "it’s — ok";',
      "const b = /^[à-ÿ😀]+$/u.test('éü😀') && /→/.test('a → b');",
      'const c = `→ ${1} «»`;',
      'const d = "\\’";',
      '// a comment with ’ and 😀',
      'const ü = 1;',
      "module.exports = [a, b, c, d, ü, '😀'.length, '😀'.codePointAt(0), 'x\\\\’'];",
    ].join('\n');
    const { original, ascii, escaped } = both(code);
    expect(ascii).toBe(original);
    expect(escaped).not.toMatch(/[\u0080-\u{10ffff}]/u);
    expect(JSON.parse(original)).toEqual(['it’s — ok', true, '→ 1 «»', '’', 1, 2, 0x1f600, 'x\\’']);
  });

  it('the committed bundles are ASCII', () => {
    for (const f of fs.readdirSync('dist').filter((n) => n.endsWith('.js'))) {
      const text = fs.readFileSync(`dist/${f}`, 'latin1');
      expect([f, /[\x80-\xff]/.test(text)]).toEqual([f, false]);
    }
  });
});
