// Events of the namespaces where a step's tasks wait, listed at most every 5 s: pod events where a
// container looks stuck (so a fail-fast report can quote them) and Warning events (so a wait
// message can say why). Events only enrich messages: a list that fails is ignored.
import type { K8sObject } from '../manifests/types.js';
import type { RunContext } from './run-context.js';
import type { TaskTracker } from './task-tracker.js';

const EVENTS_REFRESH_MS = 5_000;

interface Cached {
  at: number;
  events: K8sObject[];
}

export class NamespaceEvents {
  private readonly podEvents = new Map<string, Cached>();
  private readonly warningEvents = new Map<string, Cached>();

  constructor(private readonly ctx: RunContext) {}

  pods(ns: string): K8sObject[] {
    return this.podEvents.get(ns)?.events ?? [];
  }

  warnings(ns: string): K8sObject[] {
    return this.warningEvents.get(ns)?.events ?? [];
  }

  /** Events of pods that look stuck, so a fail-fast report can quote them. */
  async refreshPodEvents(trackers: TaskTracker[]): Promise<void> {
    // Only where a container has been seen stuck: listing every Event of a namespace on every
    // gate loop would load the API server for messages nobody reads.
    const namespaces = new Set(trackers.filter((t) => !t.done && t.firstSeen.size > 0 && t.task.namespace).map((t) => t.task.namespace!));
    for (const ns of namespaces) {
      const cached = this.podEvents.get(ns);
      if (cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS) continue;
      this.podEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
      try {
        this.podEvents.set(ns, { at: this.ctx.now(), events: await this.ctx.cluster.list('v1', 'Event', ns) });
      } catch {
        // events only enrich a failure message
      }
    }
  }

  /** Warning events of namespaces where an applied task waits, so its message can say why. */
  async refreshWarnings(trackers: TaskTracker[], force: boolean): Promise<void> {
    const namespaces = new Set(trackers.filter((t) => !t.done && t.applied && t.task.namespace).map((t) => t.task.namespace!));
    await Promise.all(
      [...namespaces].map(async (ns) => {
        const cached = this.warningEvents.get(ns);
        if (!force && cached && this.ctx.now() - cached.at < EVENTS_REFRESH_MS) return;
        this.warningEvents.set(ns, { at: this.ctx.now(), events: cached?.events ?? [] });
        try {
          const events = await this.ctx.cluster.list('v1', 'Event', ns, { fieldSelector: 'type=Warning' });
          this.warningEvents.set(ns, { at: this.ctx.now(), events });
        } catch {
          // events only explain a wait
        }
      }),
    );
  }
}
