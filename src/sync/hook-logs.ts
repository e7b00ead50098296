// Streams the container logs of a Job or Pod hook while it runs, and keeps the last lines for the
// failure report. A log stream that fails never fails the hook: logs are a courtesy.
import type { ClusterPort } from '../cluster/port.js';
import type { K8sObject } from '../manifests/types.js';
import { LOG_TAIL_LINES } from './options.js';
import { sleep } from '../model/sleep.js';

/** A stream quiet this long after the hook finished is taken as done. */
const QUIET_MS = 750;
const STARTED_PHASES = new Set(['Running', 'Succeeded', 'Failed']);

export class HookLogs {
  private readonly streams = new Map<string, Promise<void>>();
  private readonly lines: string[] = [];
  private readonly abort = new AbortController();
  private lastLineAt = 0;

  constructor(
    private readonly cluster: ClusterPort,
    private readonly namespace: string,
    private readonly onLine: (pod: string, line: string) => void,
  ) {}

  /** Start following each started pod's containers, once per pod. */
  observe(pods: K8sObject[]): void {
    for (const pod of pods) {
      const name = pod.metadata.name ?? '';
      const phase = (pod.status as { phase?: string } | undefined)?.phase ?? '';
      if (this.streams.has(name) || !STARTED_PHASES.has(phase)) continue;
      const containers = ((pod.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).map((c) => c.name);
      const follow = Promise.all(
        containers.map((c) =>
          this.cluster
            .podLogs(this.namespace, name, { container: c, follow: true, signal: this.abort.signal }, (line) =>
              this.add(name, containers.length > 1 ? `[${c}] ${line}` : line),
            )
            .catch(() => undefined),
        ),
      ).then(() => undefined);
      this.streams.set(name, follow);
    }
  }

  private add(pod: string, line: string): void {
    this.lastLineAt = Date.now();
    this.lines.push(line);
    if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
    this.onLine(pod, line);
  }

  tail(): string[] {
    return [...this.lines];
  }

  /**
   * Let running streams deliver their last lines, at most ms. Streams of finished containers end
   * by themselves; one that stays open (some log servers keep a follow open) is cut once it has
   * been quiet for a moment.
   */
  async settle(ms: number): Promise<void> {
    const start = Date.now();
    const ended = Promise.all(this.streams.values()).then(() => true);
    while (Date.now() - start < ms && !this.abort.signal.aborted) {
      if (Date.now() - Math.max(this.lastLineAt, start) >= QUIET_MS) return;
      if (await Promise.race([ended, sleep(100).then(() => false)])) return;
    }
  }

  stop(): void {
    this.abort.abort();
  }
}
