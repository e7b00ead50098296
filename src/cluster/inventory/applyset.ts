// kubectl's ApplySet layout (KEP-3659), so `kubectl` can read wavesync's inventory: the parent's
// id label, the members' part-of label and the annotations listing where members may live.
import { createHash } from 'node:crypto';
import { groupOf } from '../../manifests/types.js';

export { APPLYSET_ID_LABEL, GROUP_KINDS_ANNOTATION, NAMESPACES_ANNOTATION, PART_OF_LABEL, TOOLING_ANNOTATION } from '../../model/applyset-keys.js';

/** The parent Secret of an app's inventory. */
export function parentName(app: string): string {
  return `wavesync-${app}`;
}

/**
 * The id kubectl computes and checks for a parent: "applyset-" + unpadded base64url of the
 * SHA-256 of "<name>.<namespace>.<kind>.<group>" + "-v1" (the parent is a core Secret: group "").
 */
export function applysetId(name: string, namespace: string, kind = 'Secret', group = ''): string {
  const hash = createHash('sha256').update([name, namespace, kind, group].join('.')).digest('base64url');
  return `applyset-${hash}-v1`;
}

/** A kind as the contains-group-kinds annotation spells it: "Deployment.apps", "ConfigMap" for core. */
export function groupKind(apiVersion: string, kind: string): string {
  const group = groupOf(apiVersion);
  return group ? `${kind}.${group}` : kind;
}

/** "Deployment.apps" → { kind, group }. */
export function splitGroupKind(gk: string): { kind: string; group: string } {
  const dot = gk.indexOf('.');
  return dot < 0 ? { kind: gk, group: '' } : { kind: gk.slice(0, dot), group: gk.slice(dot + 1) };
}

/** A comma-separated annotation value → its sorted, distinct entries. */
export function parseList(value: string | undefined): string[] {
  return sortedSet(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function formatList(values: Iterable<string>): string {
  return sortedSet(values).join(',');
}

export function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
