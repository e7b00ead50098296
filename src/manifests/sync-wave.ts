// The wave: argocd.argoproj.io/sync-wave, else helm.sh/hook-weight, else 0.
import { ARGO_SYNC_WAVE, HELM_HOOK_WEIGHT } from './annotation-keys.js';

export interface WaveResult {
  wave: number;
  errors: { annotation: string; message: string }[];
}

export function readWave(annotations: Record<string, string>): WaveResult {
  for (const key of [ARGO_SYNC_WAVE, HELM_HOOK_WEIGHT]) {
    if (!(key in annotations)) continue;
    const raw = String(annotations[key]);
    const wave = parseWave(raw);
    if (wave === null) {
      return {
        wave: 0,
        errors: [{ annotation: key, message: `${key} must be an integer such as "-1", "0" or "5" (got "${raw}")` }],
      };
    }
    return { wave, errors: [] };
  }
  return { wave: 0, errors: [] };
}

/** An integer as Go's strconv.Atoi reads it (optional sign, digits), limited to 32 bits as Argo's int. */
export function parseWave(raw: string): number | null {
  const s = raw.trim();
  if (!/^[+-]?\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : null;
}
