// The API server's syntax rules for names, namespaces, label and annotation keys and label values
// (k8s.io/apimachinery validation), checked offline so a plan on a pull request catches them.
// Each check returns null when valid, else what is accepted.

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export type NameRule = 'dns-subdomain' | 'dns-label' | 'dns1035-label' | 'path-segment';

const SUBDOMAIN_TEXT = 'lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters';
const LABEL_TEXT = 'lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters';

export function dnsSubdomainProblem(v: string): string | null {
  return v.length <= 253 && DNS1123_SUBDOMAIN.test(v) ? null : `use ${SUBDOMAIN_TEXT}`;
}

export function dnsLabelProblem(v: string): string | null {
  return v.length <= 63 && DNS1123_LABEL.test(v) ? null : `use ${LABEL_TEXT}`;
}

function dns1035LabelProblem(v: string): string | null {
  return v.length <= 63 && DNS1035_LABEL.test(v) ? null : `use ${LABEL_TEXT}, starting with a letter`;
}

/** RBAC and flow-control names: anything but "/" and "%", and not "." or "..". */
function pathSegmentProblem(v: string): string | null {
  if (v === '.' || v === '..') return 'may not be "." or ".."';
  if (/[/%]/.test(v)) return 'may not contain "/" or "%"';
  return v.length <= 253 ? null : 'use at most 253 characters';
}

export function nameProblem(rule: NameRule, name: string): string | null {
  switch (rule) {
    case 'dns-label':
      return dnsLabelProblem(name);
    case 'dns1035-label':
      return dns1035LabelProblem(name);
    case 'path-segment':
      return pathSegmentProblem(name);
    default:
      return dnsSubdomainProblem(name);
  }
}

/**
 * A generateName prefix: the server checks it with its trailing "-" masked, and the name made from
 * it must still fit.
 */
export function generateNameProblem(rule: NameRule, prefix: string): string | null {
  const masked = prefix.endsWith('-') ? `${prefix.slice(0, -1)}a` : prefix;
  return nameProblem(rule, masked);
}

/** Label and annotation keys: an optional DNS-subdomain prefix and "/", then a name of up to 63 characters. */
export function qualifiedNameProblem(key: string): string | null {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const accepted =
    'use an optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  if (prefix !== null && (prefix === '' || dnsSubdomainProblem(prefix) !== null)) return accepted;
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) return accepted;
  return null;
}

export function labelValueProblem(v: string): string | null {
  if (v === '') return null;
  return v.length <= 63 && QUALIFIED_NAME.test(v)
    ? null
    : 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty string)';
}
