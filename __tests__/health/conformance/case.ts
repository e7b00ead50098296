// One conformance case: a live object, the status wavesync must give it, and words its message must contain.
import type { K8sObject } from '../../../src/manifests/types.js';
import type { HealthStatus } from '../../../src/health/types.js';
import { cond, obj } from '../fixtures.js';

export interface Case {
  name: string;
  object: K8sObject;
  status: HealthStatus;
  words: string[];
}

type Json = Record<string, unknown>;

/** A custom resource with the given status (omit for "no status yet"), spec and metadata. */
export function cr(apiVersion: string, kind: string, status?: Json, spec: Json = { size: 1 }, metadata: Json = {}): K8sObject {
  return obj(apiVersion, kind, kind.toLowerCase() + '-a', { spec, ...(status ? { status } : {}) }, metadata);
}

export const c = cond;
export const T = 'True';
export const F = 'False';
export const U = 'Unknown';
