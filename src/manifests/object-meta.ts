// What the API server would refuse in an object's metadata, found offline: names by the rule its
// kind follows, the namespace, label keys and values, annotation keys and their total size.
import { annotationSource } from './object-annotations.js';
import { builtInScope } from './kinds.js';
import { dnsLabelProblem, generateNameProblem, labelValueProblem, nameProblem, qualifiedNameProblem, type NameRule } from './name-rules.js';
import { groupOf, type ManifestObject, type ValidationError } from './types.js';

/** The API server's limit on all annotations of one object together (keys and values). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024;

/** Kinds whose names follow another rule than the usual DNS subdomain. */
const SPECIAL_NAMES: Record<string, NameRule> = {
  '/Namespace': 'dns-label',
  '/Service': 'dns1035-label',
  'rbac.authorization.k8s.io/Role': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRole': 'path-segment',
  'rbac.authorization.k8s.io/RoleBinding': 'path-segment',
  'rbac.authorization.k8s.io/ClusterRoleBinding': 'path-segment',
  'flowcontrol.apiserver.k8s.io/FlowSchema': 'path-segment',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration': 'path-segment',
};

/**
 * The rule for a kind's names. Kinds that are not built in (custom resources, aggregated APIs) get
 * the loosest rule the server has, so a valid name is never refused here.
 */
export function nameRuleOf(apiVersion: string, kind: string): NameRule {
  const group = groupOf(apiVersion);
  return SPECIAL_NAMES[`${group}/${kind}`] ?? (builtInScope(group, kind) ? 'dns-subdomain' : 'path-segment');
}

export function objectMetaErrors(m: ManifestObject): ValidationError[] {
  const errors: ValidationError[] = [];
  const { apiVersion, kind, metadata } = m.object;
  const at = (message: string) => errors.push({ source: m.source, message });
  const rule = nameRuleOf(apiVersion, kind);

  if (typeof metadata.name === 'string') {
    const p = nameProblem(rule, metadata.name);
    if (p) at(`${kind} name ${quote(metadata.name)} is not valid: ${p}`);
  } else if (typeof metadata.generateName === 'string') {
    const p = generateNameProblem(rule, metadata.generateName);
    if (p) at(`${kind} generateName ${quote(metadata.generateName)} is not valid: ${p}`);
  }
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') {
    const p = dnsLabelProblem(metadata.namespace);
    if (p) at(`${kind} metadata.namespace ${quote(metadata.namespace)} is not a valid namespace name: ${p}`);
  }
  labelErrors(m, at);
  annotationKeyErrors(m, errors);
  return errors;
}

function labelErrors(m: ManifestObject, at: (message: string) => void): void {
  const labels: unknown = m.object.metadata.labels;
  if (labels === undefined || labels === null) return;
  if (typeof labels !== 'object' || Array.isArray(labels)) return at('metadata.labels must be a map of strings');
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    const k = qualifiedNameProblem(key);
    if (k) at(`label key ${quote(key)} is not valid: ${k}`);
    if (typeof value !== 'string') {
      at(`label ${key} must be a string; quote the value: "${String(value)}"`);
      continue;
    }
    const v = labelValueProblem(value);
    if (v) at(`label ${key} value ${quote(value)} is not valid: ${v}`);
  }
}

function annotationKeyErrors(m: ManifestObject, errors: ValidationError[]): void {
  const annotations: unknown = m.object.metadata.annotations;
  if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) return;
  let total = 0;
  for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
    total += key.length + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    const p = qualifiedNameProblem(key);
    if (p) errors.push({ source: annotationSource(m, key), message: `annotation key ${quote(key)} is not valid: ${p}` });
  }
  if (total > MAX_ANNOTATIONS_BYTES) {
    errors.push({ source: m.source, message: `annotations take ${total} bytes; the API server accepts at most ${MAX_ANNOTATIONS_BYTES} (256 KiB) per object` });
  }
}

/** A value shown in a message: quoted, escapes visible, long ones shortened. */
export function quote(v: string): string {
  const shown = v.length > 80 ? `${v.slice(0, 60)}...(${v.length} characters)` : v;
  return JSON.stringify(shown);
}

/** The default namespace (--namespace flag or namespace input), checked once. */
export function defaultNamespaceError(namespace: string): ValidationError | null {
  const p = dnsLabelProblem(namespace);
  return p ? { source: null, message: `namespace ${quote(namespace)} (--namespace, or the namespace input) is not a valid namespace name: ${p}` } : null;
}
