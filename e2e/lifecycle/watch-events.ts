// Watch events of some kinds in a namespace, in the order the API server sent them: what tests of
// ordering check (never wavesync's own log lines).
import * as k8s from '@kubernetes/client-node';
import { kubeConfig } from '../setup/cluster.js';

export interface SeenEvent {
  type: string;
  kind: string;
  name: string;
  at: number;
}

export async function watchEvents(namespace: string, paths: { path: string; kind: string }[]): Promise<{ events: SeenEvent[]; stop: () => void }> {
  const events: SeenEvent[] = [];
  const watch = new k8s.Watch(kubeConfig());
  const controllers = new Map<string, AbortController>();
  let stopped = false;
  // client-node ends a watch after 30 s without data: resume from the last resourceVersion seen,
  // so a slow run (a delete under faults took 64 s) loses no event.
  const open = async (p: { path: string; kind: string }, resourceVersion?: string): Promise<void> => {
    let last = resourceVersion;
    const c = await watch.watch(
      p.path.replace('{ns}', namespace),
      last ? { resourceVersion: last } : {},
      (type: string, obj: k8s.KubernetesObject) => {
        last = obj.metadata?.resourceVersion ?? last;
        events.push({ type, kind: p.kind, name: obj.metadata?.name ?? '', at: Date.now() });
      },
      () => {
        if (!stopped) setTimeout(() => void open(p, last).catch(() => undefined), 100);
      },
    );
    controllers.set(p.path, c);
  };
  await Promise.all(paths.map((p) => open(p)));
  return {
    events,
    stop: () => {
      stopped = true;
      controllers.forEach((c) => c.abort());
    },
  };
}
