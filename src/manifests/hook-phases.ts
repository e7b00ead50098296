// Which phases an object is a hook of: the Argo annotation, else Helm's mapped onto Argo phases.
import { ALL_PHASES, type Phase } from '../model/phases.js';
import { ARGO_HOOK, HELM_HOOK, oneOf, splitList } from './annotation-keys.js';

export const ARGO_HOOK_VALUES = [...ALL_PHASES, 'Skip'] as const;

/** Helm hook values and what they become. */
const HELM_TO_PHASE: Record<string, Phase> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
  'pre-delete': 'PreDelete',
  'post-delete': 'PostDelete',
};
/** Helm hooks with no Argo CD equivalent: the object is left out. */
const HELM_LEFT_OUT = ['test', 'test-success', 'test-failure', 'pre-rollback', 'post-rollback'];
/** Helm 2's CRD hook: the object is a normal resource. */
const HELM_CRD_INSTALL = 'crd-install';
export const HELM_HOOK_VALUES = [...Object.keys(HELM_TO_PHASE), HELM_CRD_INSTALL, ...HELM_LEFT_OUT];

export type HookRole =
  | { kind: 'resource' } // a plain resource of the Sync phase
  | { kind: 'hook'; phases: Phase[] }
  | { kind: 'skip' } // Skip alone: never applied
  | { kind: 'left-out'; reason: string }; // e.g. a Helm test hook

export interface HookRoleResult {
  role: HookRole;
  /** Problems, each naming the annotation it came from. */
  errors: { annotation: string; message: string }[];
}

export function readHookRole(annotations: Record<string, string>): HookRoleResult {
  if (ARGO_HOOK in annotations) return readArgoHook(String(annotations[ARGO_HOOK]));
  if (HELM_HOOK in annotations) return readHelmHook(String(annotations[HELM_HOOK]));
  return { role: { kind: 'resource' }, errors: [] };
}

function readArgoHook(value: string): HookRoleResult {
  const values = splitList(value);
  const accepted: readonly string[] = ARGO_HOOK_VALUES;
  const bad = values.filter((v) => !accepted.includes(v));
  if (values.length === 0 || bad.length > 0) {
    const what = values.length === 0 ? 'is empty' : `has unknown value${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}`;
    return {
      role: { kind: 'resource' },
      errors: [{ annotation: ARGO_HOOK, message: `${ARGO_HOOK} ${what}; accepted: a comma list of ${oneOf(ARGO_HOOK_VALUES)} (case-sensitive)` }],
    };
  }
  const phases = values.filter((v): v is Phase => v !== 'Skip');
  if (phases.length === 0) return { role: { kind: 'skip' }, errors: [] };
  return { role: { kind: 'hook', phases: inPhaseOrder(phases) }, errors: [] };
}

function readHelmHook(value: string): HookRoleResult {
  const values = splitList(value);
  const bad = values.filter((v) => !HELM_HOOK_VALUES.includes(v));
  if (values.length === 0 || bad.length > 0) {
    const what = values.length === 0 ? 'is empty' : `has unknown value${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b}"`).join(', ')}`;
    return {
      role: { kind: 'resource' },
      errors: [{ annotation: HELM_HOOK, message: `${HELM_HOOK} ${what}; accepted: a comma list of ${oneOf(HELM_HOOK_VALUES)}` }],
    };
  }
  const phases = inPhaseOrder(values.flatMap((v) => (HELM_TO_PHASE[v] ? [HELM_TO_PHASE[v]] : [])));
  if (phases.length > 0) return { role: { kind: 'hook', phases }, errors: [] };
  if (values.includes(HELM_CRD_INSTALL)) return { role: { kind: 'resource' }, errors: [] };
  const leftOut = values.filter((v) => HELM_LEFT_OUT.includes(v));
  return {
    role: { kind: 'left-out', reason: `Helm hook ${leftOut.map((v) => `"${v}"`).join(', ')} has no Argo CD equivalent; the object is left out` },
    errors: [],
  };
}

/** De-duplicated, in the fixed phase order, so a task list never depends on annotation order. */
function inPhaseOrder(phases: Phase[]): Phase[] {
  return ALL_PHASES.filter((p) => phases.includes(p));
}
