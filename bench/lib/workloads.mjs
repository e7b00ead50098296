// The benchmark's workloads, generated at run time, and the same objects written three ways:
// Argo CD annotations (wavesync, gitops-engine, floor), a kubectl script, and a Helm chart.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const STEP_LABEL = 'bench.wavesync/step';

function meta(name, step, extra = {}) {
  return { name, labels: { [STEP_LABEL]: String(step) }, annotations: { ...extra } };
}

function podSpec(name, job) {
  return {
    metadata: { labels: { app: name } },
    spec: {
      ...(job ? { restartPolicy: 'Never' } : {}),
      containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', job ? 'echo done' : 'sleep 3600'] }],
    },
  };
}

const make = {
  ConfigMap: (name, step) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, step), data: { value: `${name} value` } }),
  Secret: (name, step) => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, step), type: 'Opaque', stringData: { key: 'not-a-real-key' } }),
  Service: (name, step) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, step),
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
  }),
  Deployment: (name, step, replicas = 1) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, step),
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podSpec(name, false) },
  }),
  Job: (name, step) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: meta(name, step), spec: { backoffLimit: 0, template: podSpec(name, true) } }),
};

/** A workload: ordered steps, each { phase: PreSync|Sync|PostSync, wave, objects }. */
function releaseFlow() {
  const steps = [
    { phase: 'PreSync', wave: -2, objects: [make.Job('config-check', 0)] },
    { phase: 'PreSync', wave: -1, objects: [make.Job('db-migrate', 1)] },
    { phase: 'Sync', wave: 0, objects: [make.ConfigMap('seeds-config', 2), make.Secret('seeds-secret', 2)] },
    { phase: 'Sync', wave: 1, objects: [make.Deployment('seeds', 3, 2)] },
    { phase: 'Sync', wave: 2, objects: [make.Service('seeds', 4)] },
    { phase: 'PostSync', wave: 0, objects: [make.Job('smoke-test', 5)] },
  ];
  return { name: 'release-flow', objects: 7, steps };
}

/** n objects (ConfigMaps, Services, one-replica Deployments in turn) across `waves` waves. */
function spread(name, n, waves) {
  const kinds = ['ConfigMap', 'Service', 'Deployment'];
  const prefix = { ConfigMap: 'cm', Service: 'svc', Deployment: 'deploy' };
  const steps = Array.from({ length: waves }, (_, w) => ({ phase: 'Sync', wave: w, objects: [] }));
  for (let i = 0; i < n; i++) {
    const w = Math.floor((i * waves) / n);
    const kind = kinds[i % 3];
    steps[w].objects.push(make[kind](`${prefix[kind]}-${String(i).padStart(4, '0')}`, w));
  }
  return { name, objects: n, steps };
}

export function workloadsFor(names) {
  const all = {
    'release-flow': () => releaseFlow(),
    'scale-100': () => spread('scale-100', 100, 10),
    'scale-1000': () => spread('scale-1000', 1000, 10),
    'scale-3000': () => spread('scale-3000', 3000, 10),
    'wide-1000': () => spread('wide-1000', 1000, 1),
    'resync-1000': () => ({ ...spread('resync-1000', 1000, 10), resync: true }),
    'resync-100': () => ({ ...spread('resync-100', 100, 10), resync: true }),
  };
  return names.map((n) => {
    if (!all[n]) throw new Error(`unknown workload ${n}; known: ${Object.keys(all).join(', ')}`);
    return all[n]();
  });
}

const yamlDocs = (objs) => objs.map((o) => YAML.stringify(o)).join('---\n');
const stepFile = (i, s) => `${String(i).padStart(2, '0')}-${s.phase.toLowerCase()}-wave${s.wave}.yaml`;

/** Argo CD annotations: what wavesync, the gitops-engine peer and the floor read. */
export function writeArgo(dir, w) {
  mkdirSync(dir, { recursive: true });
  w.steps.forEach((s, i) => {
    const objs = s.objects.map((o) => {
      const a = { 'argocd.argoproj.io/sync-wave': String(s.wave) };
      if (s.phase !== 'Sync') Object.assign(a, { 'argocd.argoproj.io/hook': s.phase, 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
      return { ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, ...a } } };
    });
    writeFileSync(path.join(dir, stepFile(i, s)), yamlDocs(objs));
  });
  return dir;
}

/** What a user writes by hand: per step, apply server-side, then wait for its Deployments and Jobs. */
export function writeKubectl(dir, w) {
  mkdirSync(dir, { recursive: true });
  const lines = [
    '#!/usr/bin/env bash',
    '# per step: kubectl apply --server-side, then kubectl wait',
    'set -euo pipefail',
    'k() { kubectl --kubeconfig "$KUBECONFIG" -n "$NS" "$@"; }',
  ];
  w.steps.forEach((s, i) => {
    const file = stepFile(i, s);
    writeFileSync(path.join(dir, file), yamlDocs(s.objects));
    lines.push(`k apply --server-side --field-manager=bench-kubectl --force-conflicts -f "$(dirname "$0")/${file}" >/dev/null`);
    const sel = `-l ${STEP_LABEL}=${i}`;
    if (s.objects.some((o) => o.kind === 'Deployment')) lines.push(`k wait --for=condition=Available --timeout=600s deployment ${sel} >/dev/null`);
    if (s.objects.some((o) => o.kind === 'Job')) lines.push(`k wait --for=condition=Complete --timeout=600s job ${sel} >/dev/null`);
  });
  writeFileSync(path.join(dir, 'run.sh'), lines.join('\n') + '\n', { mode: 0o755 });
  return path.join(dir, 'run.sh');
}

/**
 * A Helm chart of the same objects: PreSync/PostSync Jobs become pre-/post-install hooks ordered by
 * hook weight; the waves are plain resources, all applied at once and awaited with --wait (Helm
 * has no waves: making every object a hook would create and await them one at a time).
 */
export function writeHelm(dir, w) {
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: bench\nversion: 0.1.0\n`);
  w.steps.forEach((s, i) => {
    const objs = s.objects.map((o) => {
      if (s.phase === 'Sync') return o;
      const hook = s.phase === 'PreSync' ? 'pre-install,pre-upgrade' : 'post-install,post-upgrade';
      const a = { 'helm.sh/hook': hook, 'helm.sh/hook-weight': String(s.wave), 'helm.sh/hook-delete-policy': 'before-hook-creation' };
      return { ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, ...a } } };
    });
    writeFileSync(path.join(dir, 'templates', stepFile(i, s)), yamlDocs(objs));
  });
  return dir;
}
