// Streams the container logs of a Job or Pod hook while it runs, and keeps the last lines for the
// failure report. A log stream that fails never fails the hook: logs are a courtesy.
import type { ClusterPort } from '../cluster/port.js';
import type { K8sObject } from '../manifests/types.js';
import { LOG_TAIL_LINES } from './options.js';
import { sleep } from './concurrency.js';

const STARTED_PHASES = new Set(['Running', 'Succeeded', 'Failed']);

export class HookLogs {
  private readonly streams = new Map<string, Promise<void>>();
  private readonly lines: string[] = [];
  private readonly abort = new AbortController();

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
    this.lines.push(line);
    if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
    this.onLine(pod, line);
  }

  tail(): string[] {
    return [...this.lines];
  }

  /** Let running streams deliver their last lines (they end when the containers stop), at most ms. */
  async settle(ms: number): Promise<void> {
    const all = Promise.all(this.streams.values());
    await Promise.race([all, sleep(ms, this.abort.signal)]);
  }

  stop(): void {
    this.abort.abort();
  }
}
