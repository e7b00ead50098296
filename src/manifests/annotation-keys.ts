// The annotation names wavesync reads, as Argo CD and Helm spell them.
export const ARGO_HOOK = 'argocd.argoproj.io/hook';
export const ARGO_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
export const ARGO_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
export const ARGO_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
export const HELM_HOOK = 'helm.sh/hook';
export const HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
export const HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';

/** Split a comma list: entries trimmed, empty ones dropped, duplicates removed (first kept). */
export function splitList(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const v = raw.trim();
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out;
}

/** "a, b or c" for messages that name the accepted values. */
export function oneOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
