// The one label-selector matcher. A metav1.LabelSelector object ({matchLabels, matchExpressions})
// and the `labelSelector` query string ("a=b,c!=d,e in (x,y),!f") are both judged here.

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

type Labels = Record<string, string>;

/** An empty or absent selector object selects nothing (never what a workload means). */
export function selectorMatches(sel: LabelSelector | undefined, labels: Labels = {}): boolean {
  if (!sel || !(sel.matchLabels || sel.matchExpressions)) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  return (sel.matchExpressions ?? []).every((e) => requirementMatches(e.key, e.operator, e.values ?? [], labels));
}

/** A selector string; an empty one selects everything, as the API server does. */
export function selectorStringMatches(selector: string | undefined, labels: Labels = {}): boolean {
  if (!selector?.trim()) return true;
  return splitTerms(selector).every((term) => termMatches(term.trim(), labels));
}

function requirementMatches(key: string, operator: string, values: string[], labels: Labels): boolean {
  const has = Object.hasOwn(labels, key);
  const inValues = has && values.includes(labels[key]);
  switch (operator) {
    case 'In':
      return inValues;
    case 'NotIn':
      return !inValues;
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** Commas inside "in (a,b)" do not split terms. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms.filter((t) => t.trim() !== '');
}

function termMatches(term: string, labels: Labels): boolean {
  const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (set)
    return requirementMatches(
      set[1],
      set[2] === 'in' ? 'In' : 'NotIn',
      set[3].split(',').map((v) => v.trim()),
      labels,
    );
  if (term.startsWith('!')) return requirementMatches(term.slice(1).trim(), 'DoesNotExist', [], labels);
  const eq = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
  if (!eq) return requirementMatches(term, 'Exists', [], labels);
  const matches = labels[eq[1]] === eq[3].trim();
  return eq[2] === '!=' ? !matches : matches;
}
