// A manifest file's bytes → text. Bytes that are not UTF-8 are an error at their line (kubectl
// refuses them too): decoding them with U+FFFD would change the user's data unnoticed.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from './limits.js';

export type TextOrProblem = { text: string } | { line: number | null; message: string };

const strict = new TextDecoder('utf-8', { fatal: true });

export function readManifestText(abs: string, maxBytes = MAX_FILE_BYTES): TextOrProblem {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (err) {
    return { line: null, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      return { line: 1, message: `file is ${mib(size)} MiB; manifest files are read up to ${mib(maxBytes)} MiB` };
    }
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeManifest(bytes.subarray(0, read));
  } catch (err) {
    return { line: null, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** Characters YAML does not allow in a stream (C0 and C1 controls but tab, line ends and NEL; DEL; U+FFFE/F). */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * Strict UTF-8 (a leading BOM is dropped); the first bad byte is reported with its line. Control
 * characters, which YAML forbids and which mark a binary file, are refused the same way.
 */
export function decodeManifest(bytes: Uint8Array): TextOrProblem {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const { line, offset } = firstInvalidByte(bytes);
    return {
      line,
      message: `file is not UTF-8 text (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset}); save it as UTF-8`,
    };
  }
  const bad = NOT_PRINTABLE.exec(text);
  if (bad) {
    let line = 1;
    for (let i = 0; i < bad.index; i++) if (text.charCodeAt(i) === 10) line++;
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      line,
      message: `file contains the control character ${code}, which YAML does not allow (is it a binary file?); inside a double-quoted string write it as an escape such as "\\u0007"`,
    };
  }
  return { text };
}

/** Line (1-based) and offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): { line: number; offset: number } {
  const offset = firstInvalidOffset(bytes);
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { line, offset };
}

/** RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF. */
function firstInvalidOffset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (more === 0) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    const c1 = b[i + 1];
    if (c1 === undefined || c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= more; k++) {
      const ck = b[i + k];
      if (ck === undefined || ck < 0x80 || ck > 0xbf) return i;
    }
    i += more + 1;
  }
  return Math.max(0, b.length - 1);
}

function mib(n: number): string {
  return (n / (1024 * 1024)).toFixed(n >= 1024 * 1024 * 10 ? 0 : 1);
}
