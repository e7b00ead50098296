// A kustomize base plus an overlay that patches a PreSync hook in, and a Helm chart with
// pre-install/post-install hooks and weights: the sources the rendering tests and e2e tests share.

export const KUSTOMIZE_REPO: Record<string, string> = {
  'deploy/base/kustomization.yaml': 'resources:\n- web.yaml\n- migrate.yaml\n',
  'deploy/base/web.yaml': `# the web tier
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: registry.example/web:1.0
`,
  'deploy/base/migrate.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: registry.example/web:1.0
`,
  'deploy/overlays/prod/kustomization.yaml': `resources:
- ../../base
namePrefix: prod-
patches:
- path: migrate-hook.yaml
`,
  'deploy/overlays/prod/migrate-hook.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
`,
};

export const HELM_REPO: Record<string, string> = {
  'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
  'charts/shop/values.yaml': 'image: registry.example/shop:1.0\ngreeting: hello\n',
  'charts/shop/templates/config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-config
data:
  greeting: {{ .Values.greeting | quote }}
  namespace: {{ .Release.Namespace }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-kube
data:
  version: {{ .Capabilities.KubeVersion.Version | quote }}
`,
  'charts/shop/templates/hooks.yaml': `{{- range $i, $name := list "schema" "seed" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-{{ $name }}-marker
  annotations:
    "helm.sh/hook": pre-install
    "helm.sh/hook-weight": "{{ add $i -5 }}"
data: {}
{{- end }}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-smoke
  annotations:
    "helm.sh/hook": post-install
    "helm.sh/hook-weight": "3"
    "helm.sh/hook-delete-policy": hook-succeeded
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: smoke
        image: {{ .Values.image }}
`,
};
