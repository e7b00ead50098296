// The plan: what a sync will do, in order. Produced by the pure planner from manifest objects.
import type { K8sObject, Warning } from '../manifests/types.js';
import type { DeletePolicy } from '../model/delete-policies.js';
import type { Phase } from '../model/phases.js';
import type { Source } from '../model/problems.js';

export interface Task {
  /** Unique within a plan: phase, group, kind, namespace, name (or generateName). */
  id: string;
  phase: Phase;
  wave: number;
  apiVersion: string;
  kind: string;
  /** API group ("" for core). */
  group: string;
  /** null for a generateName hook until sync time names it. */
  name: string | null;
  generateName: string | null;
  namespace: string | null;
  hook: boolean;
  deletePolicies: DeletePolicy[];
  /** As written, e.g. "Replace=true". */
  syncOptions: string[];
  source: Source;
  /**
   * The object to apply (namespace defaulted; annotations kept). Nested values are shared with the
   * manifest object and other tasks: read-only; copy before changing anything.
   */
  object: K8sObject;
}

export interface Step {
  phase: Phase;
  wave: number;
  tasks: Task[];
}

export interface SkippedObject {
  apiVersion: string;
  kind: string;
  name: string | null;
  namespace: string | null;
  reason: string;
  source: Source;
}

export interface Plan {
  app: string;
  revision: string | null;
  /** Default namespace for namespaced objects without one. */
  namespace: string;
  /** PreSync, Sync and PostSync steps, in execution order. */
  steps: Step[];
  syncFail: Step[];
  preDelete: Step[];
  postDelete: Step[];
  skipped: SkippedObject[];
  warnings: Warning[];
  /** Container images rewritten by image overrides (the `images` input, --image); absent: none given. */
  images?: ImageReplacement[];
}

/** One container image an override replaced. */
export interface ImageReplacement {
  kind: string;
  name: string;
  container: string;
  from: string;
  to: string;
  source: Source;
}
