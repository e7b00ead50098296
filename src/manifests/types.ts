// The manifest model: Kubernetes objects as parsed, each with the place it came from.
import type { Problem, Source } from '../model/problems.js';

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

/** A problem that stops the sync; printed as `file:line: message`. */
export type ValidationError = Problem;

/** A problem that does not stop the sync. */
export type Warning = Problem;

/** The API group of an apiVersion ("apps/v1" → "apps", "v1" → ""). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
