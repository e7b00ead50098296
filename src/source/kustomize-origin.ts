// Where an object built by kustomize came from: the origin annotation kustomize adds with
// `buildMetadata: [originAnnotations]` names the resource file (or the kustomization whose
// generator or patch made it). The line is the document of that file with the same kind and name.
// The annotation is removed: it describes this build, not the object to apply.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { relativeToRoot } from '../manifests/load.js';
import { parseManifestText } from '../manifests/parse-file.js';
import type { K8sObject, ManifestObject } from '../manifests/types.js';
import type { Source } from '../model/problems.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

interface Origin {
  path?: string;
  repo?: string;
  configuredIn?: string;
}

export class KustomizeProvenance {
  private readonly objectsByFile = new Map<string, ManifestObject[]>();

  /**
   * @param buildDir the directory kustomize built (origin paths are relative to it)
   * @param fallback the user's kustomization file, for objects without a usable origin
   */
  constructor(
    private readonly buildDir: string,
    private readonly root: string,
    private readonly fallback: Source,
  ) {}

  /** The object's source from its origin annotation, which is then removed from the object. */
  take(obj: K8sObject): Source {
    const annotations = obj.metadata?.annotations;
    const raw = annotations?.[ORIGIN_ANNOTATION];
    if (annotations && raw !== undefined) {
      delete annotations[ORIGIN_ANNOTATION];
      if (Object.keys(annotations).length === 0) delete obj.metadata.annotations;
    }
    if (typeof raw !== 'string') return this.fallback;
    let origin: Origin;
    try {
      origin = (parse(raw) ?? {}) as Origin;
    } catch {
      return this.fallback;
    }
    // A remote base (repo:) has no file here to open.
    if (origin.repo) return this.fallback;
    const rel = origin.path ?? origin.configuredIn;
    if (!rel) return this.fallback;
    const abs = path.resolve(this.buildDir, rel);
    if (!existsSync(abs)) return this.fallback;
    return { file: relativeToRoot(abs, this.root), line: origin.path ? this.lineOf(abs, obj) : 1 };
  }

  /** The line of the document in `abs` with the object's kind and (possibly prefixed) name. */
  private lineOf(abs: string, obj: K8sObject): number {
    let objects = this.objectsByFile.get(abs);
    if (!objects) {
      objects = parseManifestText(readFileSync(abs, 'utf8'), abs).objects;
      this.objectsByFile.set(abs, objects);
    }
    const name = obj.metadata?.name ?? '';
    const sameKind = objects.filter((o) => o.object.kind === obj.kind);
    const exact = sameKind.find((o) => o.object.metadata?.name === name);
    const renamed = sameKind.find((o) => typeof o.object.metadata?.name === 'string' && name.includes(o.object.metadata.name));
    return (exact ?? renamed ?? sameKind[0])?.source.line ?? 1;
  }
}
