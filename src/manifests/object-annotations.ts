// The annotation model of one object: hook role, wave, delete policies, sync options,
// with every bad value reported at the line of its annotation.
import type { DeletePolicy } from '../model/delete-policies.js';
import { readDeletePolicies } from './delete-policies.js';
import { readHookRole, type HookRole } from './hook-phases.js';
import { readSyncOptions } from './sync-options.js';
import { readWave } from './sync-wave.js';
import type { Source } from '../model/problems.js';
import type { ManifestObject, ValidationError, Warning } from './types.js';

export interface ObjectAnnotations {
  role: HookRole;
  wave: number;
  /** Only meaningful for hooks; BeforeHookCreation when none is given. */
  deletePolicies: DeletePolicy[];
  syncOptions: string[];
  errors: ValidationError[];
  warnings: Warning[];
}

export function readObjectAnnotations(m: ManifestObject): ObjectAnnotations {
  const errors: ValidationError[] = [];
  const warnings: Warning[] = [];
  const at = (annotation: string): Source => annotationSource(m, annotation);
  const annotations = stringAnnotations(m, errors);

  const hook = readHookRole(annotations);
  const wave = readWave(annotations);
  const policies = readDeletePolicies(annotations);
  const options = readSyncOptions(annotations);
  for (const e of [...hook.errors, ...wave.errors, ...policies.errors, ...options.errors]) {
    errors.push({ source: at(e.annotation), message: e.message });
  }
  for (const w of options.warnings) warnings.push({ source: at(w.annotation), message: w.message });

  return {
    role: hook.role,
    wave: wave.wave,
    deletePolicies: policies.policies,
    syncOptions: options.options,
    errors,
    warnings,
  };
}

/** The line of one annotation when the parser recorded it, else the object's line. */
export function annotationSource(m: ManifestObject, annotation: string): Source {
  const line = m.annotationLines?.[annotation];
  return line ? { file: m.source.file, line } : m.source;
}

/** Annotations as strings. Kubernetes rejects other values, so each one is an error here. */
function stringAnnotations(m: ManifestObject, errors: ValidationError[]): Record<string, string> {
  const raw: unknown = m.object.metadata.annotations;
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ source: m.source, message: 'metadata.annotations must be a map of strings' });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      errors.push({
        source: annotationSource(m, key),
        message: `annotation ${key} must be a string; quote the value: "${String(value)}"`,
      });
    }
    out[key] = String(value);
  }
  return out;
}
