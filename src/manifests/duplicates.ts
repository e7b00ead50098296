// Two objects with the same group, kind, namespace and name would overwrite each other: an error.
import type { Source } from '../model/problems.js';
import { groupOf, type ManifestObject, type ValidationError } from './types.js';

export interface Identified {
  manifest: ManifestObject;
  /** The namespace the object will live in (after defaulting), null when cluster-scoped. */
  namespace: string | null;
}

export function findDuplicates(items: Identified[]): ValidationError[] {
  const first = new Map<string, Source>();
  const errors: ValidationError[] = [];
  for (const { manifest, namespace } of items) {
    const { apiVersion, kind, metadata } = manifest.object;
    // generateName hooks with the same prefix would get the same name at sync time too.
    const name = metadata.name ? `name:${metadata.name}` : `generateName:${metadata.generateName}`;
    const key = [groupOf(apiVersion), kind, namespace ?? '', name].join('\u0000');
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, manifest.source);
      continue;
    }
    const what = metadata.name ? metadata.name : `generateName ${metadata.generateName}`;
    errors.push({
      source: manifest.source,
      message: `duplicate ${kind} ${namespace ? `${namespace}/` : ''}${what}: also defined at ${earlier.file}:${earlier.line}; each object may appear once`,
    });
  }
  return errors;
}
