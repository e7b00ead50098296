// Lua health scripts from an argocd-cm ConfigMap, as teams keep them in Argo CD:
//   data:
//     resource.customizations.health.argoproj.io_Rollout: |     (one key per group_kind; '*' allowed)
//       hs = {} ...
//     resource.customizations: |                                 (the older form, one YAML block)
//       cert-manager.io/Certificate:
//         health.lua: |
//           hs = {} ...
// Other keys of the ConfigMap (diffing, actions, ...) are none of a deploy gate's business and are skipped.
import { isMap, isScalar, LineCounter, parseDocument, Scalar, type Node, type YAMLMap } from 'yaml';
import type { Source } from '../model/problems.js';

export interface LuaEntry {
  group: string;
  kind: string;
  source: Source;
  scriptAt: Source;
  script: string;
}

const SPLIT_PREFIX = 'resource.customizations.health.';
const LEGACY_KEY = 'resource.customizations';

/** The first line of a scalar's text: the line after `|` / `>` for block scalars. */
export function textLine(node: Node, lines: LineCounter): number {
  const line = node.range ? lines.linePos(node.range[0]).line : 1;
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) ? line + 1 : line;
}

/** "argoproj.io_Rollout" → group argoproj.io, kind Rollout; "Service" or "_Service" → core. */
export function splitGroupKind(key: string): { group: string; kind: string } {
  const at = key.lastIndexOf('_');
  return at < 0 ? { group: '', kind: key } : { group: key.slice(0, at), kind: key.slice(at + 1) };
}

/** True when the document is a ConfigMap (the caller then reads it as argocd-cm). */
export function isConfigMap(root: unknown): root is YAMLMap {
  return isMap(root) && root.get('kind') === 'ConfigMap';
}

export function luaEntriesFromConfigMap(
  root: YAMLMap,
  file: string,
  lines: LineCounter,
): { entries: LuaEntry[]; errors: { source: Source; message: string }[] } {
  const entries: LuaEntry[] = [];
  const errors: { source: Source; message: string }[] = [];
  const data = root.get('data', true);
  const at = (node: Node | null | undefined): Source => ({ file, line: node?.range ? lines.linePos(node.range[0]).line : 1 });
  if (!isMap(data)) {
    errors.push({ source: at(root), message: 'an argocd-cm ConfigMap needs a data map with resource.customizations.health.<group_kind> keys' });
    return { entries, errors };
  }
  for (const pair of data.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key.startsWith(SPLIT_PREFIX)) {
      if (!isScalar(value) || typeof value.value !== 'string') {
        errors.push({ source: at(pair.key as Node), message: `${key} must be a Lua script (a string)` });
        continue;
      }
      const { group, kind } = splitGroupKind(key.slice(SPLIT_PREFIX.length));
      entries.push({ group, kind, source: at(pair.key as Node), scriptAt: { file, line: textLine(value, lines) }, script: value.value });
    } else if (key === LEGACY_KEY && isScalar(value) && typeof value.value === 'string') {
      legacy(value.value, textLine(value, lines) - 1, file, entries, errors);
    }
  }
  return { entries, errors };
}

/** The older `resource.customizations` block: "group/Kind: {health.lua: script}", lines offset into the file. */
function legacy(text: string, offset: number, file: string, entries: LuaEntry[], errors: { source: Source; message: string }[]): void {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const line = (node: Node | null | undefined) => offset + (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    errors.push({ source: { file, line: offset + 1 }, message: `${LEGACY_KEY} must be a YAML map of group/Kind to customizations` });
    return;
  }
  for (const pair of doc.contents.items) {
    const groupKind = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isMap(pair.value)) continue;
    const script = pair.value.get('health.lua', true);
    if (!isScalar(script) || typeof script.value !== 'string') continue;
    const slash = groupKind.lastIndexOf('/');
    const group = slash < 0 ? '' : groupKind.slice(0, slash);
    const kind = groupKind.slice(slash + 1);
    const scriptLine = line(script) + (script.type === Scalar.BLOCK_LITERAL || script.type === Scalar.BLOCK_FOLDED ? 1 : 0);
    entries.push({ group, kind, source: { file, line: line(pair.key as Node) }, scriptAt: { file, line: scriptLine }, script: script.value });
  }
}
