// Small text helpers shared by the reporters: durations, Markdown escaping (object names: src/model).
import type { HealthStatus } from '../health/types.js';

/** "850 ms", "14 s", "1 m 02 s", "1 h 03 m". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} m`;
}

export function durationOf(startedAt: number | null, finishedAt: number | null): number | null {
  return startedAt != null && finishedAt != null ? Math.max(0, finishedAt - startedAt) : null;
}

/** Text safe inside a GFM table cell: one line, pipes escaped, no raw HTML. */
export function mdCell(text: string): string {
  return escapeHtml(text.replace(/\r?\n/g, ' ').trim()).replace(/\|/g, '\\|') || ' ';
}

/** Inline text safe in Markdown prose: no raw HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A fenced code block whose fence is longer than any backtick run inside the text. */
export function codeBlock(lines: string[], lang = 'text'): string {
  const body = lines.join('\n');
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** Inline code that survives backticks in the text. */
export function inlineCode(text: string): string {
  const runs = (text.match(/`+/g) ?? []).map((r) => r.length);
  const ticks = '`'.repeat(runs.length ? Math.max(...runs) + 1 : 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${ticks}`;
}

const HEALTH_ICON: Record<HealthStatus, string> = {
  Healthy: '💚',
  Progressing: '🔄',
  Suspended: '⏸️',
  Degraded: '💔',
  Missing: '👻',
  Unknown: '❔',
};
export function healthIcon(h: HealthStatus | null): string {
  return h ? HEALTH_ICON[h] : '';
}

const STATE_ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Cancelled: '🚫',
  Skipped: '⏭️',
  Running: '⏳',
  Applying: '⏳',
  Applied: '⏳',
  Pending: '⏸️',
};
export function stateIcon(state: string): string {
  return STATE_ICON[state] ?? '';
}

/**
 * The host (and port) of a cluster server URL, never its credentials, path or query.
 * "https://user:pw@10.0.0.1:6443/k8s?x" → "10.0.0.1:6443".
 */
export function serverHost(server: string | null | undefined): string | null {
  if (!server) return null;
  try {
    const u = new URL(server.includes('://') ? server : `https://${server}`);
    return u.host || null;
  } catch {
    return null;
  }
}

/** Cut text to at most max characters, saying so. */
export function clip(text: string, max: number, note = '… (truncated)'): string {
  return text.length <= max ? text : text.slice(0, Math.max(0, max - note.length)) + note;
}
