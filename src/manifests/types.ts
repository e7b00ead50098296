// The manifest model: Kubernetes objects as parsed, each with the place it came from.

/** Where an object came from: file relative to the repository root, 1-based line of its document. */
export interface Source {
  file: string;
  line: number;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** A Kubernetes object as plain JSON. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** An object read from the manifests, with its source position. */
export interface ManifestObject {
  object: K8sObject;
  source: Source;
  /** 1-based line of each metadata.annotations key, when parsed from YAML (errors point there). */
  annotationLines?: Record<string, number>;
}

/** What loading manifests gives: every object found, and every problem (all of them, not the first). */
export interface LoadResult {
  objects: ManifestObject[];
  errors: ValidationError[];
  warnings: Warning[];
}

/** A problem a user can fix; printed as `file:line: message`. */
export interface ValidationError {
  source: Source | null;
  message: string;
}

export interface Warning {
  source: Source | null;
  message: string;
}

export function formatProblem(p: { source: Source | null; message: string }): string {
  return p.source ? `${p.source.file}:${p.source.line}: ${p.message}` : p.message;
}

/** The API group of an apiVersion ("apps/v1" → "apps", "v1" → ""). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
