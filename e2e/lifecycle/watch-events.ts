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
  const controllers = await Promise.all(
    paths.map((p) =>
      watch.watch(
        p.path.replace('{ns}', namespace),
        {},
        (type: string, obj: k8s.KubernetesObject) => events.push({ type, kind: p.kind, name: obj.metadata?.name ?? '', at: Date.now() }),
        () => undefined,
      ),
    ),
  );
  return { events, stop: () => controllers.forEach((c) => c.abort()) };
}
