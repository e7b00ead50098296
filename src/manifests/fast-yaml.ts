// A fast reader for the plain block YAML most manifests are written in (issue 13: the `yaml`
// library spends ~100 µs on a small document; 20 MB took 8 s). It accepts a strict subset —
// block maps and lists, plain scalars that are surely strings, decimal integers, booleans and
// nulls, simple quoted strings, `|` / `|-` literal blocks, one-line flow collections of plain
// words — and gives up (false) on anything else, so the caller parses the file with `yaml` as
// before. Giving up is always safe; reading a value differently from `yaml` never is: the
// differential tests (__tests__/manifests/fast-yaml.test.ts) compare both on every case.

/** One document: its value, the line its content starts on, and the lines of its annotation keys. */
export interface FastDocument {
  value: Record<string, unknown>;
  line: number;
  annotationLines?: Record<string, number>;
}

/** Nesting deeper than this is left to `yaml` (which reports it with the documented limit). */
const MAX_DEPTH = 64;

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

interface Line {
  /** 1-based line number in the file. */
  no: number;
  indent: number;
  /** The text after the indentation (for a virtual line: after "- "). */
  text: string;
}

/** Key at the start of a line: a plain word (letters first, as Kubernetes names are) or a simple double-quoted string. */
const PLAIN_KEY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +|$)/;
const QUOTED_KEY = /^"([^"\\]*)":(?: +|$)/;
/** Keys `yaml` would read as something other than the same string. */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
/** A plain scalar may not start with these (YAML indicators; "?" and ":" even when glued to a word). */
const INDICATOR_START = /^(?:-(?:\s|$)|[?:,[\]{}#&*!|>'"%@`])/;
/** Anything that could be a number in YAML 1.2's core schema other than a decimal integer ("1.5", "1e3", "0x1F", ".inf"). */
const NUMBERISH = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0[xXoObB].*)$/;
const DECIMAL_INT = /^[-+]?[0-9]+$/;
/** A flow item: a plain word with none of the characters that make flow YAML subtle. */
const FLOW_WORD = /^(?:[A-Za-z0-9_/.]|-(?=[^\s-]|-\S))[^,[\]{}#&*!|>'"%@`:\s]*$/;
/** A flow item in quotes, with no escapes, quotes or commas inside. */
const FLOW_QUOTED = /^(?:"([^"\\,]*)"|'([^',]*)')$/;

/**
 * Parses a whole file, handing each document to `onDocument` as soon as it is read (so only one
 * document's values live at a time). false when any part of the file is outside the subset:
 * whatever was handed over must then be dropped.
 */
export function fastParseFile(text: string, onDocument: (doc: FastDocument) => void): boolean {
  // Tabs, carriage returns, a BOM, control characters and Unicode line breaks: left to `yaml`.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\t\r\uFEFF\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]/.test(text)) return false;
  // One document's lines at a time: an array of every line of a 20 MB file costs tens of MB.
  let lines: string[] = [];
  let firstNo = 1;
  try {
    for (let pos = 0, no = 1; pos <= text.length; no++) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const l = text.slice(pos, end);
      pos = end + 1;
      const last = pos > text.length;
      if (l.startsWith('---') || l.startsWith('...') || l.startsWith('%')) {
        if (!/^---\s*$/.test(l)) return false; // "--- value", "...", directives
        const doc = parseDocument(lines, firstNo);
        if (doc) onDocument(doc);
        lines = [];
        firstNo = no + 1;
      } else lines.push(l);
      if (last) {
        const doc = parseDocument(lines, firstNo);
        if (doc) onDocument(doc);
      }
    }
  } catch (err) {
    if (err instanceof GiveUp) return false;
    throw err;
  }
  return true;
}

/** `raw`: the document's lines; `firstNo`: the file line number of the first. */
function parseDocument(raw: string[], firstNo: number): FastDocument | null {
  const p = new DocParser(raw, firstNo);
  const first = p.peek();
  if (!first) return null; // empty document (comments only)
  if (first.indent !== 0 || isSeqItem(first.text)) giveUp();
  const value = p.map(0, 0, 'top') as Record<string, unknown>;
  if (p.peek()) giveUp();
  // kubectl's List kinds keep their items' own lines: left to `yaml`.
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) giveUp();
  const doc: FastDocument = { value, line: first.no };
  if (p.annotationLines) doc.annotationLines = p.annotationLines;
  return doc;
}

const isSeqItem = (text: string) => text === '-' || text.startsWith('- ');

/** Where a map sits, for the annotation lines the loader reports. */
type Place = 'top' | 'metadata' | 'annotations' | 'other';

class DocParser {
  private i = 0;
  private readonly to: number;
  /** A line standing in for the rest of a "- " item's line. */
  private virtual: Line | null = null;
  annotationLines: Record<string, number> | undefined;

  constructor(
    private readonly raw: string[],
    private readonly firstNo: number,
  ) {
    this.to = raw.length;
  }

  /** The next line with content, skipping blank lines and comments. */
  peek(): Line | null {
    if (this.virtual) return this.virtual;
    for (; this.i < this.to; this.i++) {
      const s = this.raw[this.i];
      const text = s.trimStart();
      if (text === '' || text.startsWith('#')) continue;
      return { no: this.firstNo + this.i, indent: s.length - text.length, text };
    }
    return null;
  }

  private next(): void {
    if (this.virtual) this.virtual = null;
    else this.i++;
  }

  map(indent: number, depth: number, place: Place): Record<string, unknown> {
    if (depth > MAX_DEPTH) giveUp();
    const out: Record<string, unknown> = {};
    if (place === 'annotations') this.annotationLines ??= {};
    for (let line = this.peek(); line && line.indent === indent && !isSeqItem(line.text); line = this.peek()) {
      const m = PLAIN_KEY.exec(line.text) ?? QUOTED_KEY.exec(line.text);
      if (!m) giveUp();
      const key = m![1];
      if (SPECIAL_KEY.test(key) || Object.prototype.hasOwnProperty.call(out, key)) giveUp();
      if (place === 'annotations') (this.annotationLines ??= {})[key] = line.no;
      const rest = line.text.slice(m![0].length);
      this.next();
      const childPlace: Place = place === 'top' && key === 'metadata' ? 'metadata' : place === 'metadata' && key === 'annotations' ? 'annotations' : 'other';
      out[key] = this.valueAfter(rest, indent, depth, childPlace, true);
    }
    const after = this.peek();
    if (after && after.indent > indent) giveUp(); // a continuation line or a stray indent
    return out;
  }

  private seq(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) giveUp();
    const out: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSeqItem(line.text); line = this.peek()) {
      const rest = line.text === '-' ? '' : line.text.slice(2);
      const trimmed = rest.trimStart();
      this.next();
      if (trimmed !== '' && !trimmed.startsWith('#') && (PLAIN_KEY.test(trimmed) || QUOTED_KEY.test(trimmed) || isSeqItem(trimmed))) {
        // "- key: value" or "- - x": the rest of the line is the first line of a nested block.
        this.virtual = { no: line.no, indent: indent + 2 + (rest.length - trimmed.length), text: trimmed };
        const inner = this.virtual.indent;
        out.push(isSeqItem(trimmed) ? this.seq(inner, depth + 1) : this.map(inner, depth + 1, 'other'));
      } else {
        out.push(this.valueAfter(rest, indent, depth, 'other', false));
      }
    }
    const after = this.peek();
    if (after && after.indent > indent) giveUp();
    return out;
  }

  /** The value after "key:" or "- " on a line at `indent`; nested blocks come from the lines below. */
  private valueAfter(rest: string, indent: number, depth: number, place: Place, inMap: boolean): unknown {
    const text = rest.trim();
    if (text === '' || text.startsWith('#')) {
      const below = this.peek();
      if (below && below.indent > indent) return isSeqItem(below.text) ? this.seq(below.indent, depth + 1) : this.map(below.indent, depth + 1, place);
      // Kubernetes style: a map's list may sit at the map's own indentation.
      if (inMap && below && below.indent === indent && isSeqItem(below.text)) return this.seq(indent, depth + 1);
      return null;
    }
    if (text === '|' || text === '|-') return this.literal(indent, text === '|-');
    if (place === 'annotations') {
      // The loader reports each annotation's line: only an empty one-line map has none to report.
      if (text !== '{}') giveUp();
      this.annotationLines ??= {};
    }
    return scalar(text);
  }

  /** A `|` or `|-` block: the lines below indented deeper than its key, as they are. */
  private literal(indent: number, strip: boolean): string {
    if (this.virtual) giveUp();
    const lines: string[] = [];
    let blockIndent = -1;
    for (; this.i < this.to; this.i++) {
      const s = this.raw[this.i];
      const text = s.trimStart();
      const own = s.length - text.length;
      if (text === '') {
        // Leading or space-carrying blank lines have rules of their own: left to `yaml`.
        if (blockIndent < 0 || s.length > blockIndent) giveUp();
        lines.push('');
        continue;
      }
      if (own <= indent) break;
      if (blockIndent < 0) blockIndent = own;
      else if (own < blockIndent) giveUp();
      lines.push(s.slice(blockIndent));
    }
    if (blockIndent < 0) giveUp();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const body = lines.join('\n');
    return strip ? body : `${body}\n`;
  }
}

function scalar(text: string): unknown {
  const c = text[0];
  if (c === '"' || c === "'") {
    const close = text.indexOf(c, 1);
    if (close < 0) giveUp();
    const inner = text.slice(1, close);
    if (c === '"' && inner.includes('\\')) giveUp();
    const after = text.slice(close + 1);
    if (after !== '' && !/^\s+#/.test(after)) giveUp(); // '' inside '...', text after the quote
    return inner;
  }
  if (c === '[' || c === '{') return flow(text);
  if (INDICATOR_START.test(text)) giveUp();
  const hash = text.search(/\s#/);
  const plain = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':')) giveUp();
  return plainValue(plain);
}

function plainValue(plain: string): unknown {
  if (plain === '~' || plain === 'null' || plain === 'Null' || plain === 'NULL') return null;
  if (plain === 'true' || plain === 'True' || plain === 'TRUE') return true;
  if (plain === 'false' || plain === 'False' || plain === 'FALSE') return false;
  if (DECIMAL_INT.test(plain)) return parseInt(plain, 10);
  if (NUMBERISH.test(plain)) giveUp();
  return plain;
}

/** `[]`, `{}`, `[a, b]`, `{a: b, c: d}` on one line, of plain words only. */
function flow(text: string): unknown {
  const close = text[0] === '[' ? ']' : '}';
  const end = text.indexOf(close);
  const after = end < 0 ? '' : text.slice(end + 1);
  if (end < 0 || (after.trim() !== '' && !/^\s+#/.test(after))) giveUp();
  const inner = text.slice(1, end).trim();
  const parts = inner === '' ? [] : inner.split(',').map((p) => p.trim());
  if (close === ']') return parts.map(flowItem);
  const out: Record<string, unknown> = {};
  for (const p of parts) {
    const m = /^([A-Za-z_][A-Za-z0-9_./-]*): (.*)$/.exec(p);
    if (!m || SPECIAL_KEY.test(m[1]) || Object.prototype.hasOwnProperty.call(out, m[1])) giveUp();
    out[m![1]] = flowItem(m![2].trim());
  }
  return out;
}

function flowItem(p: string): unknown {
  const q = FLOW_QUOTED.exec(p);
  if (q) return q[1] ?? q[2];
  return FLOW_WORD.test(p) ? plainValue(p) : giveUp();
}
