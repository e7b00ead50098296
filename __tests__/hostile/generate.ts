// The big and odd hostile inputs, made at test time and never committed: 20 MB of manifests, alias
// bombs, deep nesting, binary files, an oversize (sparse) file, symlinks and `..` paths leading out
// of the repository, and file names full of shell metacharacters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MIB = 1024 * 1024;

export interface GeneratedCase {
  name: string;
  /** --manifests values, relative to the repository root. */
  manifests: string[];
  /** What stderr must contain: a line starting with `at` (file:line: or path:) that includes `text`. */
  expect: { at: string; text: string }[] | 'ok';
}

/** A throwaway repository (it has .git, so the CLI takes it as the root); remove it with cleanup. */
export function tempRepo(prefix = 'wavesync-hostile-'): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(root, '.git'));
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

const write = (root: string, rel: string, data: string | Uint8Array) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), data);
};

export const configMap = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

/** About `bytes` of small ConfigMaps as one multi-document text; returns the text and its line count. */
export function smallManifests(bytes: number, prefix: string): { text: string; docs: number } {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const doc = `${configMap(`${prefix}-${i}`, `  labels: {app: web, tier: t${i % 7}}\ndata:\n  key: value-${i}\n  other: "${'x'.repeat(40)}"\n`)}---\n`;
    parts.push(doc);
    size += doc.length;
    i++;
  }
  return { text: parts.join(''), docs: i };
}

/** Deterministic pseudo-random bytes (a binary file that is the same every run). */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Writes every case into `root` (and a sibling directory outside it) and returns them. */
export function generateCases(root: string, outsideDir: string): GeneratedCase[] {
  const cases: GeneratedCase[] = [];
  const add = (c: GeneratedCase) => cases.push(c);

  // 4 MB of small manifests in 200 files, the last document of the last file with a bad wave (the
  // 20 MB file runs in memory-bounds.test.ts, under a heap cap).
  const perFile = smallManifests((4 * MIB) / 200, 'many').text;
  for (let i = 0; i < 200; i++) write(root, `many/f${String(i).padStart(3, '0')}.yaml`, perFile.replace(/name: many-/g, `name: many-${i}-`));
  const lastLine = lineCount(perFile) + 1;
  fs.appendFileSync(path.join(root, 'many/f199.yaml'), configMap('late', '  annotations:\n    argocd.argoproj.io/sync-wave: " 3"\n'));
  add({
    name: '4 MB in 200 files, one bad wave at the very end',
    manifests: ['many'],
    expect: [{ at: `many/f199.yaml:${lastLine + 5}: `, text: 'sync-wave must be an integer' }],
  });

  // One 1 MiB string aliased 900 times.
  const aliases = Array.from({ length: 900 }, (_, i) => `  a${i + 1}: *big\n`).join('');
  write(root, 'alias/wide.yaml', configMap('wide', `data:\n  a0: &big "${'x'.repeat(MIB)}"\n${aliases}`));
  add({
    name: 'a 1 MiB string aliased 900 times',
    manifests: ['alias/wide.yaml'],
    expect: [{ at: 'alias/wide.yaml:1: ', text: 'larger than 3 MiB once its YAML aliases are expanded' }],
  });

  // Billion laughs: ten levels of ten aliases each.
  const levels = ['  l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    levels.push(
      `  l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  write(root, 'alias/laughs.yaml', configMap('laughs', `data:\n${levels.join('\n')}\n`));
  add({ name: 'billion laughs', manifests: ['alias/laughs.yaml'], expect: [{ at: 'alias/laughs.yaml:1: ', text: 'too many aliases' }] });

  // Deep nesting, three ways.
  write(root, 'deep/flow.yaml', configMap('flow', `extra: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`));
  add({ name: '10,000 levels of flow sequences', manifests: ['deep/flow.yaml'], expect: [{ at: 'deep/flow.yaml:5: ', text: 'nested too deeply' }] });
  write(root, 'deep/dashes.yaml', configMap('dashes', `extra:\n${'- '.repeat(10_000)}x\n`));
  add({
    name: '10,000 levels of compact block sequences',
    manifests: ['deep/dashes.yaml'],
    expect: [{ at: 'deep/dashes.yaml:6: ', text: 'nested too deeply' }],
  });
  const indented = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n');
  write(root, 'deep/indent.yaml', configMap('indent', `extra:\n${indented} x\n`));
  add({ name: '1,000 levels of indented maps', manifests: ['deep/indent.yaml'], expect: [{ at: 'deep/indent.yaml:', text: 'nested too deeply' }] });

  // Binary files.
  write(root, 'binary/random.yaml', randomBytes(64 * 1024));
  add({ name: '64 KiB of random bytes', manifests: ['binary/random.yaml'], expect: [{ at: 'binary/random.yaml:', text: 'file is not UTF-8 text' }] });
  write(root, 'binary/zeros.yml', new Uint8Array(4096));
  add({ name: 'a file of NUL bytes', manifests: ['binary/zeros.yml'], expect: [{ at: 'binary/zeros.yml:1: ', text: 'control character U+0000' }] });
  const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...randomBytes(2048, 7)]);
  write(root, 'binary/program.json', elf);
  add({ name: 'an executable named .json', manifests: ['binary/program.json'], expect: [{ at: 'binary/program.json:', text: 'file is not UTF-8 text' }] });

  // A file over the size limit (sparse: costs no disk).
  fs.mkdirSync(path.join(root, 'huge'), { recursive: true });
  fs.closeSync(fs.openSync(path.join(root, 'huge/sparse.yaml'), 'w'));
  fs.truncateSync(path.join(root, 'huge/sparse.yaml'), 65 * MIB);
  add({ name: 'a 65 MiB file', manifests: ['huge/sparse.yaml'], expect: [{ at: 'huge/sparse.yaml:1: ', text: 'manifest files are read up to 64 MiB' }] });

  // Ways out of the repository.
  write(outsideDir, 'secret.yaml', configMap('outside'));
  write(root, 'links/app.yaml', configMap('inside'));
  fs.symlinkSync(path.join(outsideDir, 'secret.yaml'), path.join(root, 'links/escape.yaml'));
  fs.symlinkSync(outsideDir, path.join(root, 'links/escape-dir'));
  fs.symlinkSync('/etc/passwd', path.join(root, 'links/passwd.yaml'));
  add({
    name: 'symlinks leading outside the repository',
    manifests: ['links'],
    expect: [
      { at: 'links/escape.yaml: ', text: 'leads outside the repository' },
      { at: 'links/escape-dir: ', text: 'leads outside the repository' },
      { at: 'links/passwd.yaml: ', text: 'leads outside the repository' },
    ],
  });
  const outsideRel = path.relative(root, path.join(outsideDir, 'secret.yaml'));
  add({
    name: 'a `..` path leading outside the repository',
    manifests: [outsideRel],
    expect: [{ at: `${outsideRel}: `, text: 'leads outside the repository' }],
  });
  fs.symlinkSync('missing.yaml', path.join(root, 'links/dangling.yaml'));
  add({ name: 'a dangling symlink', manifests: ['links/dangling.yaml'], expect: [{ at: 'links/dangling.yaml: ', text: 'no such file' }] });

  // A link loop inside the repository is not an error: each file is read once.
  write(root, 'loop/a/app.yaml', configMap('looped'));
  fs.symlinkSync('..', path.join(root, 'loop/a/up'));
  fs.symlinkSync('.', path.join(root, 'loop/self'));
  add({ name: 'a symlink loop inside the repository', manifests: ['loop'], expect: 'ok' });

  // File names a shell would run: the content is bad, the name must be shown as it is, never run.
  for (const name of ['$(touch PWNED).yaml', 'a;touch PWNED.yaml', '`touch PWNED`.yaml', "it's & | > x.yaml"]) {
    write(root, `shell/${name}`, configMap('x', '  annotations:\n    argocd.argoproj.io/sync-wave: one\n'));
    add({ name: `file name ${name}`, manifests: [`shell/${name}`], expect: [{ at: `shell/${name}:6: `, text: 'sync-wave must be an integer' }] });
  }
  return cases;
}
