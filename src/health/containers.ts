// Container statuses of a pod, init containers first (they run first), and what their states say.
import { field, isRecord, str, type Json } from './fields.js';

export interface ContainerView {
  name: string;
  init: boolean;
  ready: boolean;
  restartCount: number;
  waitingReason?: string;
  waitingMessage?: string;
  /** The last termination, for crash loops: "exit code 1 (Error)". */
  lastTermination?: string;
  /** The current termination, for finished pods. */
  termination?: string;
  running: boolean;
}

function termination(state: unknown): string | undefined {
  if (!isRecord(state)) return undefined;
  const t = state.terminated;
  if (!isRecord(t)) return undefined;
  const code = typeof t.exitCode === 'number' ? `exit code ${t.exitCode}` : 'terminated';
  const reason = typeof t.reason === 'string' ? ` (${t.reason})` : '';
  const message = typeof t.message === 'string' && t.message !== '' ? `: ${t.message.trim()}` : '';
  return `${code}${reason}${message}`;
}

function view(s: Json, init: boolean): ContainerView {
  return {
    name: typeof s.name === 'string' ? s.name : '?',
    init,
    ready: s.ready === true,
    restartCount: typeof s.restartCount === 'number' ? s.restartCount : 0,
    waitingReason: str(s, 'state', 'waiting', 'reason'),
    waitingMessage: str(s, 'state', 'waiting', 'message'),
    lastTermination: termination(s.lastState),
    termination: termination(s.state),
    running: isRecord(field(s, 'state', 'running')),
  };
}

export function containersOf(pod: unknown): ContainerView[] {
  const out: ContainerView[] = [];
  for (const [key, init] of [
    ['initContainerStatuses', true],
    ['containerStatuses', false],
  ] as const) {
    const list = field(pod, 'status', key);
    if (!Array.isArray(list)) continue;
    for (const s of list) if (isRecord(s)) out.push(view(s, init));
  }
  return out;
}

/** Waiting reasons that mean the container cannot start without a change: `*BackOff`, `Err*`, `*Error`. */
export function isFailingWaitReason(reason: string | undefined): boolean {
  if (!reason) return false;
  return reason.endsWith('BackOff') || reason.startsWith('Err') || reason.endsWith('Error') || reason === 'InvalidImageName';
}

/** "container app: CrashLoopBackOff: back-off 40s ... (last: exit code 1 (Error))". */
export function describeWaiting(c: ContainerView): string {
  const kind = c.init ? 'init container' : 'container';
  const message = c.waitingMessage ? `: ${c.waitingMessage}` : '';
  const last = c.lastTermination ? ` (last ${c.lastTermination})` : '';
  return `${kind} ${c.name}: ${c.waitingReason ?? 'waiting'}${message}${last}`;
}
