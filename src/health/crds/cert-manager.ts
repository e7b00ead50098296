// cert-manager: Certificate, CertificateRequest, Issuer, ClusterIssuer (Ready), ACME Order and
// Challenge (status.state).
import type { HealthRule } from '../types.js';
import { condition, describeCondition, result } from '../fields.js';
import { byReady, byWord } from './conditions.js';

/** A Certificate being issued reads Ready=False; the Issuing condition says it is on its way. */
const certificate: HealthRule = (obj) => {
  const ready = condition(obj, 'Ready');
  const issuing = condition(obj, 'Issuing');
  if (ready?.status === 'True') return result('Healthy', ready.message || 'certificate issued');
  if (issuing?.status === 'True') return result('Progressing', `issuing: ${describeCondition(issuing)}`);
  // cert-manager may say Ready=False "Issuing..." a moment before it adds the Issuing condition.
  if (ready?.status === 'False' && (ready.reason === 'Issuing' || /^Issuing certificate/.test(ready.message ?? ''))) {
    return result('Progressing', `issuing: ${describeCondition(ready)}`);
  }
  if (ready?.status === 'False') return result('Degraded', describeCondition(ready));
  return result('Progressing', ready ? describeCondition(ready) : 'waiting for the certificate');
};

/** A request waits for approval and issuance (Ready=False reason Pending); Failed or Denied is final. */
const request: HealthRule = (obj) => {
  const denied = condition(obj, 'Denied');
  if (denied?.status === 'True') return result('Degraded', `denied: ${describeCondition(denied)}`);
  return byReady(obj, 'waiting for the certificate request', { transient: ['Pending'] });
};

const ACME = {
  valid: 'Healthy',
  ready: 'Progressing',
  pending: 'Progressing',
  processing: 'Progressing',
  '': 'Progressing',
  errored: 'Degraded',
  invalid: 'Degraded',
  expired: 'Degraded',
} as const;

export const certManagerRules: Record<string, HealthRule> = {
  'cert-manager.io/Certificate': certificate,
  'cert-manager.io/CertificateRequest': request,
  'cert-manager.io/Issuer': (obj) => byReady(obj, 'initializing the issuer'),
  'cert-manager.io/ClusterIssuer': (obj) => byReady(obj, 'initializing the issuer'),
  'acme.cert-manager.io/Order': (obj) => byWord(obj, 'state', ACME),
  'acme.cert-manager.io/Challenge': (obj) => byWord(obj, 'state', ACME),
};
