// Istio, where its status says something: IstioOperator by status.status; the Sail operator's
// Istio/IstioRevision by Ready; config kinds (VirtualService, Gateway, ...) by the analysis
// messages and the Reconciled condition istiod writes when status is enabled.
import type { K8sObject } from '../../manifests/types.js';
import type { HealthResult } from '../types.js';
import { condition, describeCondition, field, result, str } from '../fields.js';
import type { GroupRule } from './index.js';
import { byReady } from './conditions.js';

const OPERATOR: Record<string, HealthResult['status']> = {
  HEALTHY: 'Healthy',
  RECONCILING: 'Progressing',
  UPDATING: 'Progressing',
  NONE: 'Progressing',
  ERROR: 'Degraded',
  ACTION_REQUIRED: 'Degraded',
};

function istio(obj: K8sObject): HealthResult {
  if (obj.kind === 'IstioOperator') {
    const word = str(obj, 'status', 'status') ?? 'NONE';
    const message = str(obj, 'status', 'message');
    return result(OPERATOR[word] ?? 'Progressing', `IstioOperator ${word}${message ? `: ${message}` : ''}`);
  }
  if (obj.apiVersion.startsWith('sailoperator.io/')) return byReady(obj, `waiting for the ${obj.kind} to be ready`);
  const messages = field(obj, 'status', 'validationMessages');
  const errors = Array.isArray(messages) ? messages.filter((m) => str(m, 'level') === 'ERROR') : [];
  if (errors.length > 0) {
    const first = errors[0];
    return result('Degraded', `istio analysis: ${str(first, 'type', 'code') ?? 'error'} ${str(first, 'documentationUrl') ?? ''}`.trim());
  }
  const reconciled = condition(obj, 'Reconciled');
  if (reconciled && reconciled.status !== 'True') return result('Progressing', `not yet reconciled by istiod: ${describeCondition(reconciled)}`);
  return result('Healthy', reconciled ? 'reconciled by istiod' : 'created');
}

export const istioGroupRule: GroupRule = {
  matches: (group) => group.endsWith('.istio.io') || group === 'sailoperator.io',
  rule: istio,
};
