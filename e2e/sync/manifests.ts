// Manifests for the engine's end-to-end tests. Pod behaviour comes from the KWOK stages of
// test/cluster (annotations on the pod template: wavesync.test/outcome, wavesync.test/run-for).

type Ann = Record<string, string>;

const annotations = (ann: Ann, indent: string) =>
  Object.keys(ann).length === 0
    ? ''
    : `${indent}annotations:\n${Object.entries(ann)
        .map(([k, v]) => `${indent}  ${k}: ${JSON.stringify(v)}`)
        .join('\n')}\n`;

export const hook = (phase: string, wave: number, policy?: string): Ann => ({
  'argocd.argoproj.io/hook': phase,
  'argocd.argoproj.io/sync-wave': String(wave),
  ...(policy ? { 'argocd.argoproj.io/hook-delete-policy': policy } : {}),
});

export function job(name: string, ann: Ann, pod: Ann = {}, nameField = 'name'): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  ${nameField}: ${name}
${annotations(ann, '  ')}spec:
  backoffLimit: 0
  template:
    metadata:
      labels: { app: e2e-hook }
${annotations(pod, '      ')}    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "echo running ${name}"]
`;
}

export function deployment(name: string, wave: number, pod: Ann = {}, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
spec:
  replicas: 2
${extra}  selector: { matchLabels: { app: ${name} } }
  template:
    metadata:
      labels: { app: ${name} }
${annotations(pod, '      ')}    spec:
      containers:
      - name: main
        image: nginx:1.27
`;
}

export const configMap = (name: string, wave: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
data: { greeting: hello }
`;

export const secret = (name: string, wave: number, value = 'not-a-real-password') => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
stringData: { password: ${value} }
`;

export const service = (name: string, wave: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  annotations: { argocd.argoproj.io/sync-wave: "${wave}" }
spec:
  selector: { app: ${name} }
  ports: [{ port: 80, targetPort: 8080 }]
`;

/** The seeds' release flow: PreSync check and migration, three Sync waves, PostSync smoke, SyncFail notifier. */
export function seedsFlow(opts: { migrate?: Ann } = {}): Record<string, string> {
  return {
    'k8s/hooks.yaml': [
      job('config-check', hook('PreSync', -2, 'BeforeHookCreation')),
      job('migrate', hook('PreSync', -1, 'BeforeHookCreation'), opts.migrate ?? {}),
      job('smoke-test', hook('PostSync', 0, 'HookSucceeded')),
      job('notify-failure', hook('SyncFail', 0, 'HookSucceeded')),
    ].join('---\n'),
    'k8s/app.yaml': [configMap('settings', 0), secret('credentials', 0), deployment('web', 1), service('web', 2)].join('---\n'),
  };
}
