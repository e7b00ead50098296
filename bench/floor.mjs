// The floor contender: the least a correct ordered deploy must do. PreSync, Sync and PostSync
// groups by wave; each group server-side applied with full concurrency over one HTTP/2
// connection, then awaited by watch (one per kind, opened once). Nothing else: no validation,
// no dry runs, no reporting.   node bench/floor.mjs KUBECONFIG NAMESPACE DIR
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { isHealthy, Kube } from './lib/kube.mjs';

const [kubeconfig, namespace, dir] = process.argv.slice(2);
const PHASES = ['PreSync', 'Sync', 'PostSync'];
const objects = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .flatMap((f) => YAML.parseAllDocuments(readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()))
  .filter(Boolean);
const groups = new Map();
for (const o of objects) {
  const a = o.metadata.annotations ?? {};
  const key = `${PHASES.indexOf(a['argocd.argoproj.io/hook'] ?? 'Sync')}:${Number(a['argocd.argoproj.io/sync-wave'] ?? 0)}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(o);
}
const order = [...groups.keys()].sort((a, b) => a.split(':')[0] - b.split(':')[0] || a.split(':')[1] - b.split(':')[1]);

const kube = new Kube(kubeconfig);
const healthy = new Set();
const waiters = new Map(); // kind/name -> resolve
const watched = new Set();
const onEvent = (type, obj) => {
  const key = `${obj.kind}/${obj.metadata.name}`;
  if (type !== 'DELETED' && isHealthy(obj)) {
    healthy.add(key);
    waiters.get(key)?.();
  }
};
const watches = [];
for (const key of order) {
  const group = groups.get(key);
  for (const kind of new Set(group.map((o) => o.kind))) {
    if (watched.has(kind) || isHealthy({ kind })) continue;
    watched.add(kind);
    // The watch reports kind-less objects: fill the kind in.
    watches.push(await kube.watchKind(kind, namespace, (t, o) => onEvent(t, { ...o, kind })));
  }
  await Promise.all(group.map((o) => kube.apply(o, namespace, 'bench-floor')));
  await Promise.all(
    group.map((o) => {
      const k = `${o.kind}/${o.metadata.name}`;
      if (isHealthy({ kind: o.kind }) || healthy.has(k)) return null;
      return new Promise((resolve) => waiters.set(k, resolve));
    }),
  );
}
for (const w of watches) w.close();
kube.close();
