// One file's text → Kubernetes objects, each with the line its document starts on.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { Source } from '../model/problems.js';
import type { K8sObject, LoadResult, ManifestObject } from './types.js';

export function parseManifestText(text: string, file: string): LoadResult {
  const result: LoadResult = { objects: [], errors: [], warnings: [] };
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, merge: true, prettyErrors: true });
  const docList = Array.isArray(docs) ? docs : [];
  for (const doc of docList) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = e.linePos?.[0];
        const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        result.errors.push({
          source: { file, line: pos?.line ?? 1 },
          message: `YAML syntax error${pos ? ` at column ${pos.col}` : ''}: ${message}`,
        });
      }
      continue;
    }
    const contents = doc.contents as Node | null;
    if (!contents) continue; // empty document
    const line = lines.linePos(contents.range?.[0] ?? 0).line;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      result.errors.push({ source: { file, line }, message: `YAML error: ${(err as Error).message}` });
      continue;
    }
    if (value === null || value === undefined) continue;
    addDocument(value, contents, { file, line }, lines, result);
  }
  return result;
}

function addDocument(value: unknown, node: Node, source: Source, lines: LineCounter, result: LoadResult): void {
  if (typeof value !== 'object' || Array.isArray(value)) {
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
      addDocument(item, itemNode ?? node, { file: source.file, line }, lines, result);
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
  const m: ManifestObject = { object: obj as K8sObject, source };
  const annotationLines = findAnnotationLines(node, lines);
  if (annotationLines) m.annotationLines = annotationLines;
  result.objects.push(m);
}

/** kubectl's rule: a kind ending in "List" with an items array is a list of objects. */
function isListKind(obj: Record<string, unknown>): boolean {
  return typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items);
}

function objectProblem(obj: Record<string, unknown>): string | null | 'not-an-object' {
  if (obj.apiVersion === undefined && obj.kind === undefined) return 'not-an-object';
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') return 'object has no apiVersion (a string such as "v1" or "apps/v1")';
  if (typeof obj.kind !== 'string' || obj.kind === '') return 'object has no kind (a string such as "ConfigMap")';
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
