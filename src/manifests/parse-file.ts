// One file's text → Kubernetes objects, each with the line its document starts on. Documents are
// parsed one at a time and dropped once their objects are taken, so memory follows the objects,
// not the syntax trees of the whole file.
import { Composer, isMap, isSeq, LineCounter, Parser, type Document, type Node } from 'yaml';
import { compactCopy } from './compact-copy.js';
import { expandedSize } from './expanded-size.js';
import { fastParseFile } from './fast-yaml.js';
import { MAX_ALIAS_COUNT, MAX_NESTING_DEPTH, MAX_OBJECT_BYTES } from './limits.js';
import type { Source } from '../model/problems.js';
import type { K8sObject, LoadResult, ManifestObject } from './types.js';
import { documentShape } from './yaml-depth.js';

export function parseManifestText(text: string, file: string): LoadResult {
  // Plain block YAML (most manifests) takes the fast reader; anything else, the whole file with `yaml`.
  const result: LoadResult = { objects: [], errors: [], warnings: [] };
  const fast = fastParseFile(text, (doc) => addObject(doc.value, { file, line: doc.line }, () => doc.annotationLines, result, null));
  return fast ? result : parseManifestTextWithYaml(text, file);
}

/** The `yaml` library's reading of a file (exported for the fast reader's differential tests). */
export function parseManifestTextWithYaml(text: string, file: string): LoadResult {
  // yaml's Parser reads process.env.LOG_TOKENS for every token, and on Node each read of
  // process.env is a call into the runtime: a quarter of the parse time of 20 MB of manifests. The
  // parse is synchronous (nothing else runs meanwhile), so a plain copy stands in until it ends.
  const env = process.env;
  process.env = { ...env };
  try {
    return parseWith(text, file);
  } finally {
    process.env = env;
  }
}

function parseWith(text: string, file: string): LoadResult {
  const result: LoadResult = { objects: [], errors: [], warnings: [] };
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ merge: true });
  // Whether each document handed to the composer uses aliases, in order (it yields a document
  // when the next one starts, so the flag cannot simply follow the tokens).
  const aliases: boolean[] = [];
  for (const token of parser.parse(text)) {
    if (token.type === 'document') {
      const shape = documentShape(token, MAX_NESTING_DEPTH);
      if (shape.tooDeepAt !== null) {
        result.errors.push({
          source: { file, line: lines.linePos(shape.tooDeepAt).line },
          message: `document is nested too deeply: more than ${MAX_NESTING_DEPTH} levels of maps and lists`,
        });
        continue;
      }
      aliases.push(shape.aliases);
    }
    for (const doc of composer.next(token)) addParsedDocument(doc, file, lines, result, aliases.shift() ?? true);
  }
  for (const doc of composer.end()) addParsedDocument(doc, file, lines, result, aliases.shift() ?? true);
  return result;
}

/** `aliases`: the document uses YAML aliases, so the values it repeats are kept shared, not copied. */
function addParsedDocument(doc: Document.Parsed, file: string, lines: LineCounter, result: LoadResult, aliases: boolean): void {
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      result.errors.push({ source: { file, line: pos.line }, message: `YAML syntax error at column ${pos.col}: ${message}` });
    }
    return;
  }
  const contents = doc.contents as Node | null;
  if (!contents) return; // empty document
  const line = lines.linePos(contents.range?.[0] ?? 0).line;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = /alias count/i.test((err as Error).message)
      ? `too many aliases: expanding them would exceed the limit of ${MAX_ALIAS_COUNT} (a guard against alias bombs)`
      : `YAML error: ${(err as Error).message}`;
    result.errors.push({ source: { file, line }, message });
    return;
  }
  if (value === null || value === undefined) return;
  addDocument(value, contents, { file, line }, lines, result, aliases ? new Map() : null);
}

/** `shared`: with aliases, the copies of the document's values so far, so repeated values stay shared. */
function addDocument(value: unknown, node: Node, source: Source, lines: LineCounter, result: LoadResult, shared: Map<object, unknown> | null): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    result.errors.push({ source, message: 'document is not a Kubernetes object: expected a map with apiVersion, kind and metadata' });
    return;
  }
  const obj = value as Record<string, unknown>;
  if (isListKind(obj)) {
    const itemsNode = isMap(node) ? node.get('items', true) : undefined;
    const itemNodes = isSeq(itemsNode) ? (itemsNode.items as Node[]) : [];
    (obj.items as unknown[]).forEach((item, i) => {
      const itemNode = itemNodes[i];
      const line = itemNode?.range ? lines.linePos(itemNode.range[0]).line : source.line;
      addDocument(item, itemNode ?? node, { file: source.file, line }, lines, result, shared);
    });
    return;
  }
  addObject(obj, source, () => findAnnotationLines(node, lines), result, shared);
}

/** The checks every object passes, then one compact copy of it into the result. */
function addObject(
  obj: Record<string, unknown>,
  source: Source,
  annotationLinesOf: () => Record<string, number> | undefined,
  result: LoadResult,
  shared: Map<object, unknown> | null,
): void {
  const size = expandedSize(obj, MAX_OBJECT_BYTES);
  if (size.cyclic) {
    result.errors.push({ source, message: 'object contains itself through a YAML alias; it cannot be sent to the API server as JSON' });
    return;
  }
  if (size.bytes > MAX_OBJECT_BYTES) {
    result.errors.push({
      source,
      message: `object is larger than ${MAX_OBJECT_BYTES / (1024 * 1024)} MiB once its YAML aliases are expanded; the API server accepts no bigger request`,
    });
    return;
  }
  const problem = objectProblem(obj);
  if (problem === 'not-an-object') {
    result.warnings.push({ source, message: 'document has no apiVersion or kind; it is not a Kubernetes object and was ignored' });
    return;
  }
  if (problem) {
    result.errors.push({ source, message: problem });
    return;
  }
  // One compact copy: yaml builds its maps by adding keys one at a time, which leaves V8 objects
  // with spare room (20 MB of small manifests kept about twice the memory without a copy).
  // structuredClone packs tightest but copies every string; with aliases, compactCopy shares them.
  const m: ManifestObject = { object: (shared ? compactCopy(obj, shared) : structuredClone(obj)) as K8sObject, source };
  const annotationLines = annotationLinesOf();
  if (annotationLines) m.annotationLines = annotationLines;
  result.objects.push(m);
}

/** kubectl's rule: a kind ending in "List" with an items array is a list of objects. */
function isListKind(obj: Record<string, unknown>): boolean {
  return typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items);
}

/** group/version (group a DNS subdomain) or a core version; kinds are DNS-1035 labels in any case, as CRDs require. */
const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const KIND = /^[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/;

function objectProblem(obj: Record<string, unknown>): string | null | 'not-an-object' {
  if (obj.apiVersion === undefined && obj.kind === undefined) return 'not-an-object';
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') return 'object has no apiVersion (a string such as "v1" or "apps/v1")';
  if (typeof obj.kind !== 'string' || obj.kind === '') return 'object has no kind (a string such as "ConfigMap")';
  if (!API_VERSION.test(obj.apiVersion))
    return `apiVersion ${JSON.stringify(obj.apiVersion)} is not valid: use a version such as "v1", or group/version such as "apps/v1"`;
  if (!KIND.test(obj.kind)) return `kind ${JSON.stringify(obj.kind)} is not valid: use letters, digits and "-", starting with a letter, such as "ConfigMap"`;
  const meta = obj.metadata;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return `${obj.kind} has no metadata: metadata.name is required`;
  const { name, generateName } = meta as Record<string, unknown>;
  if (name !== undefined && (typeof name !== 'string' || name === '')) return `${obj.kind} metadata.name must be a non-empty string`;
  if (generateName !== undefined && (typeof generateName !== 'string' || generateName === '')) {
    return `${obj.kind} metadata.generateName must be a non-empty string`;
  }
  if (name === undefined && generateName === undefined) return `${obj.kind} has no metadata.name (or metadata.generateName, for hooks)`;
  const ns = (meta as Record<string, unknown>).namespace;
  if (ns !== undefined && ns !== null && typeof ns !== 'string') return `${obj.kind} metadata.namespace must be a string`;
  return null;
}

function findAnnotationLines(node: Node, lines: LineCounter): Record<string, number> | undefined {
  if (!isMap(node)) return undefined;
  const meta = node.get('metadata', true);
  if (!isMap(meta)) return undefined;
  const annotations = meta.get('annotations', true);
  if (!isMap(annotations)) return undefined;
  const out: Record<string, number> = {};
  for (const pair of annotations.items) {
    const key = pair.key as Node | null;
    const k = key && 'value' in key ? String((key as { value: unknown }).value) : null;
    if (k !== null && key?.range) out[k] = lines.linePos(key.range[0]).line;
  }
  return out;
}
