// Health of a live object: the gate a plain resource must pass before the next step starts.
import type { K8sObject } from '../manifests/types.js';

export const HEALTH_STATUSES = ['Healthy', 'Progressing', 'Suspended', 'Degraded', 'Missing', 'Unknown'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export interface HealthResult {
  status: HealthStatus;
  /** Words a user can act on: "2 of 3 replicas available". */
  message: string;
}

/** A rule for one kind family: returns null when it does not apply to the object. */
export type HealthRule = (obj: K8sObject) => HealthResult | null;
