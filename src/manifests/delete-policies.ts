// Hook delete policies: the union of Argo's and Helm's annotations, BeforeHookCreation by default.
import { DELETE_POLICIES, type DeletePolicy } from '../model/delete-policies.js';
import { ARGO_HOOK_DELETE_POLICY, HELM_HOOK_DELETE_POLICY, oneOf, splitList } from './annotation-keys.js';

const HELM_TO_POLICY: Record<string, DeletePolicy> = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};

export interface DeletePolicyResult {
  policies: DeletePolicy[];
  errors: { annotation: string; message: string }[];
}

export function readDeletePolicies(annotations: Record<string, string>): DeletePolicyResult {
  const found = new Set<DeletePolicy>();
  const errors: DeletePolicyResult['errors'] = [];
  const argo = annotations[ARGO_HOOK_DELETE_POLICY];
  if (argo !== undefined) {
    const accepted: readonly string[] = DELETE_POLICIES;
    for (const v of splitList(String(argo))) {
      if (accepted.includes(v)) found.add(v as DeletePolicy);
      else errors.push(unknown(ARGO_HOOK_DELETE_POLICY, v, DELETE_POLICIES));
    }
  }
  const helm = annotations[HELM_HOOK_DELETE_POLICY];
  if (helm !== undefined) {
    for (const v of splitList(String(helm))) {
      const p = HELM_TO_POLICY[v];
      if (p) found.add(p);
      else errors.push(unknown(HELM_HOOK_DELETE_POLICY, v, Object.keys(HELM_TO_POLICY)));
    }
  }
  const policies = DELETE_POLICIES.filter((p) => found.has(p));
  return { policies: policies.length > 0 ? policies : ['BeforeHookCreation'], errors };
}

function unknown(annotation: string, value: string, accepted: readonly string[]) {
  return { annotation, message: `${annotation} has unknown value "${value}"; accepted: a comma list of ${oneOf(accepted)} (case-sensitive)` };
}
