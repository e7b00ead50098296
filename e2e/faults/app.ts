// The app every fault run syncs: 30 objects in 4 waves, between PreSync and PostSync hooks (named
// ones with BeforeHookCreation, generateName ones with HookSucceeded). Each run changes a value in
// every wave, so a run that stops early leaves the cluster visibly different from its manifests.
import YAML from 'yaml';

export interface AppObject {
  file: string;
  doc: Record<string, unknown>;
  hook: boolean;
}

/** Hook tasks of one sync: a name or a generateName prefix. */
export const HOOKS = [
  { phase: 'PreSync', name: 'pre-migrate', generated: false },
  { phase: 'PreSync', name: 'pre-check-', generated: true },
  { phase: 'PostSync', name: 'post-smoke', generated: false },
  { phase: 'PostSync', name: 'post-notify-', generated: true },
] as const;

const WAVES = [0, 1, 2, 3];

function hookJob(phase: string, name: string, generated: boolean, run: string): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      [generated ? 'generateName' : 'name']: name,
      annotations: {
        'argocd.argoproj.io/hook': phase,
        'argocd.argoproj.io/hook-delete-policy': generated ? 'HookSucceeded' : 'BeforeHookCreation',
      },
    },
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { labels: { app: 'faults-hook' }, annotations: { 'wavesync.test/log': `${name} for run ${run}` } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['true'] }] },
      },
    },
  };
}

function deployment(name: string, wave: number, run: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { 'faults/run': run }, annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, annotations: { 'faults/run': run } },
        spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
      },
    },
  };
}

/** The app's objects for run `run` (a short string that ends up in labels and data). */
export function appObjects(run: string): AppObject[] {
  const out: AppObject[] = [];
  const add = (file: string, doc: Record<string, unknown>, hook = false) => out.push({ file, doc, hook });
  for (const h of HOOKS) add(`hooks/${h.name.replace(/-$/, '')}.yaml`, hookJob(h.phase, h.name, h.generated, run), true);
  add('base/sa.yaml', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'faults-app', annotations: { 'argocd.argoproj.io/sync-wave': '0' } } });
  add('base/secret.yaml', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'faults-secret', annotations: { 'argocd.argoproj.io/sync-wave': '0' } },
    stringData: { run },
  });
  for (const wave of WAVES) {
    for (let i = 0; i < 5; i++) {
      add(`wave${wave}/cm-${i}.yaml`, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `w${wave}-cm-${i}`, annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } },
        data: { run, wave: String(wave), index: String(i) },
      });
    }
    if (wave > 0) add(`wave${wave}/deploy.yaml`, deployment(`w${wave}-web`, wave, run));
    if (wave < 3) {
      add(`wave${wave}/svc.yaml`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `w${wave}-svc`, annotations: { 'argocd.argoproj.io/sync-wave': String(wave) } },
        spec: { selector: { app: `w${wave}-web` }, ports: [{ port: 80, targetPort: 8080 }] },
      });
    }
  }
  return out;
}

/** The files of the repository for run `run`. */
export function appFiles(run: string): Record<string, string> {
  return Object.fromEntries(appObjects(run).map((o) => [o.file, YAML.stringify(o.doc)]));
}
