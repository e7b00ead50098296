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
        errors: [{ annotation: key, message: `${key} must be an integer such as "-1", "0" or "5" (got ${JSON.stringify(raw)})` }],
      };
    }
    return { wave, errors: [] };
  }
  return { wave: 0, errors: [] };
}

/**
 * An integer as Go's strconv.Atoi reads it (optional sign, ASCII digits), limited to 32 bits as
 * Argo's int. Nothing is trimmed: Argo CD rejects " 3" or "3\n" (a block scalar) and falls back to
 * wave 0, so accepting them here would order the same repository differently.
 */
export function parseWave(raw: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : null;
}
