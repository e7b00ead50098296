// Image overrides (the `images` input, --image): `name=newName:tag`, `name=newName@digest`,
// `name:tag` or `name@digest`, one per entry, as kustomize's `images:` and Azure/k8s-deploy's
// `images` do. Every container, init container and ephemeral container whose image name matches is
// rewritten before validation, in hooks too; an override that matches nothing is a warning.
import type { ManifestObject } from '../manifests/types.js';
import type { Problem } from '../model/problems.js';
import type { ImageReplacement } from '../plan/types.js';

export interface ImageRef {
  name: string;
  tag: string | null;
  digest: string | null;
}

export interface ImageOverride {
  /** As written (named in warnings). */
  text: string;
  /** The image name to match (no tag, no digest). */
  match: string;
  newName: string | null;
  tag: string | null;
  digest: string | null;
}

const NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+|__)*(?:(?::\d+)?\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/i;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-f]{32,}$/i;

/** Splits `registry:5000/path/name:tag@sha256:...` into name, tag and digest. */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

/** Parses the overrides; `label` names where they came from in errors ("input images", "--image"). */
export function parseImageOverrides(lines: string[], label: string): { overrides: ImageOverride[]; errors: Problem[] } {
  const overrides: ImageOverride[] = [];
  const errors: Problem[] = [];
  for (const raw of lines) {
    const text = raw.trim();
    if (!text) continue;
    const eq = text.indexOf('=');
    const match = eq >= 0 ? text.slice(0, eq).trim() : parseImageRef(text).name;
    const ref = parseImageRef(eq >= 0 ? text.slice(eq + 1).trim() : text);
    const bad = (why: string) =>
      errors.push({ source: null, message: `${label}: "${text}" ${why}; write name=newName:tag, name=newName@digest, name:tag or name@digest` });
    if (!NAME.test(match)) bad(`does not start with an image name`);
    else if (eq >= 0 && ref.name !== '' && !NAME.test(ref.name)) bad(`has an invalid new image name "${ref.name}"`);
    else if (ref.tag !== null && !TAG.test(ref.tag)) bad(`has an invalid tag "${ref.tag}"`);
    else if (ref.digest !== null && !DIGEST.test(ref.digest)) bad(`has an invalid digest "${ref.digest}"`);
    else if (eq < 0 && ref.tag === null && ref.digest === null) bad('names no tag or digest to deploy');
    else if (eq >= 0 && ref.name === '' && ref.tag === null && ref.digest === null) bad('names nothing to replace with');
    else overrides.push({ text, match, newName: eq >= 0 && ref.name !== '' ? ref.name : null, tag: ref.tag, digest: ref.digest });
  }
  const seen = new Map<string, string>();
  for (const o of overrides) {
    const before = seen.get(o.match);
    if (before) errors.push({ source: null, message: `${label}: "${o.text}" and "${before}" both override ${o.match}; keep one` });
    seen.set(o.match, o.text);
  }
  return { overrides, errors };
}

/** The image an override turns `image` into. A new tag drops an old digest; a new digest keeps no tag. */
export function overrideImage(image: string, o: ImageOverride): string {
  const old = parseImageRef(image);
  const name = o.newName ?? old.name;
  if (o.digest) return `${name}${o.tag ? `:${o.tag}` : ''}@${o.digest}`;
  if (o.tag) return `${name}:${o.tag}`;
  return `${name}${old.tag ? `:${old.tag}` : ''}${old.digest ? `@${old.digest}` : ''}`;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Rewrites matching images in place; returns what changed and a warning per unused override. */
export function applyImageOverrides(
  objects: ManifestObject[],
  overrides: ImageOverride[],
  label: string,
): { replaced: ImageReplacement[]; warnings: Problem[] } {
  const replaced: ImageReplacement[] = [];
  const used = new Set<ImageOverride>();
  if (overrides.length === 0) return { replaced, warnings: [] };
  const byName = new Map(overrides.map((o) => [o.match, o]));
  for (const m of objects) {
    visitContainers(m.object, (c) => {
      const image = c.image;
      if (typeof image !== 'string') return;
      const o = byName.get(parseImageRef(image).name);
      if (!o) return;
      used.add(o);
      const to = overrideImage(image, o);
      if (to === image) return;
      c.image = to;
      replaced.push({
        kind: m.object.kind,
        name: m.object.metadata?.name ?? m.object.metadata?.generateName ?? '',
        container: typeof c.name === 'string' ? c.name : '',
        from: image,
        to,
        source: m.source,
      });
    });
  }
  const warnings = overrides
    .filter((o) => !used.has(o))
    .map((o) => ({ source: null, message: `${label}: "${o.text}" matched no container image (no image named ${o.match} in the manifests)` }));
  return { replaced, warnings };
}

/** Calls fn for each container object in any containers/initContainers/ephemeralContainers list. */
function visitContainers(value: unknown, fn: (c: Record<string, unknown>) => void, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) visitContainers(v, fn, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (CONTAINER_LISTS.has(k) && Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object' && !Array.isArray(c)) fn(c as Record<string, unknown>);
    } else visitContainers(v, fn, depth + 1);
  }
}
