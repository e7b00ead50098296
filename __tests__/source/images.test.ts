// Image overrides: parsing every accepted form, rewriting containers and init containers in
// workloads and hooks, and a warning for an override that matches nothing.
import { describe, expect, it } from '@jest/globals';
import { applyImageOverrides, overrideImage, parseImageOverrides, parseImageRef } from '../../src/source/images.js';
import { prepareSource } from '../../src/source/prepare.js';
import { planToText } from '../../src/report/plan-format.js';
import { writeRepo } from '../../test/source/tools.js';

const DIGEST = 'sha256:' + 'a'.repeat(64);
const one = (text: string) => {
  const { overrides, errors } = parseImageOverrides([text], 'input images');
  expect(errors).toEqual([]);
  return overrides[0];
};

describe('parsing', () => {
  it('splits a reference with a registry port, a tag and a digest', () => {
    expect(parseImageRef(`reg.example:5000/team/web:1.2@${DIGEST}`)).toEqual({ name: 'reg.example:5000/team/web', tag: '1.2', digest: DIGEST });
    expect(parseImageRef('reg.example:5000/web')).toEqual({ name: 'reg.example:5000/web', tag: null, digest: null });
  });

  it.each([
    ['web=reg.example/web:2.0', 'web:1.0', 'reg.example/web:2.0'],
    [`web=reg.example/web@${DIGEST}`, 'web:1.0', `reg.example/web@${DIGEST}`],
    ['web:2.0', `web:1.0@${DIGEST}`, 'web:2.0'],
    [`web@${DIGEST}`, 'web:1.0', `web@${DIGEST}`],
    ['web=mirror.example/web', 'web:1.0', 'mirror.example/web:1.0'],
  ])('%s turns %s into %s', (text, from, to) => {
    expect(overrideImage(from, one(text))).toBe(to);
  });

  it('refuses what is not an override, naming the input and the accepted forms', () => {
    const { errors } = parseImageOverrides(['web', 'Web Server:1', 'web:bad tag!', 'web@sha256:xyz', 'api:1', 'api:2'], 'input images');
    expect(errors.map((e) => e.message)).toEqual([
      'input images: "web" names no tag or digest to deploy; write name=newName:tag, name=newName@digest, name:tag or name@digest',
      expect.stringMatching(/^input images: "Web Server:1" does not start with an image name/),
      expect.stringMatching(/^input images: "web:bad tag!" has an invalid tag/),
      expect.stringMatching(/^input images: "web@sha256:xyz" has an invalid digest/),
      'input images: "api:2" and "api:1" both override api; keep one',
    ]);
  });
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers: [{ name: wait, image: "busybox:1.36" }]
      containers:
      - { name: web, image: "reg.example/web:1.0" }
      - { name: proxy, image: "envoy:1.30" }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations: { argocd.argoproj.io/hook: PreSync }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: "reg.example/web:1.0" }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers: [{ name: prep, image: "busybox:1.36" }]
          containers: [{ name: run, image: "reg.example/web" }]
`;

describe('applying', () => {
  it('a Deployment, its init container, a hook Job and a CronJob get the new images; the plan lists them; an unused override warns', async () => {
    const root = writeRepo({ 'k8s/app.yaml': DEPLOYMENT });
    const { plan, errors } = await prepareSource({
      manifests: ['k8s'],
      root,
      app: 'shop',
      namespace: 'default',
      revision: null,
      images: { lines: ['reg.example/web:2.0', 'busybox=mirror.example/busybox', 'redis:7'], label: 'input images' },
    });
    expect(errors).toEqual([]);
    const images = (kind: string) => JSON.stringify(plan.steps.flatMap((s) => s.tasks).find((t) => t.kind === kind)!.object).match(/"image":"[^"]+"/g);
    expect(images('Deployment')).toEqual(['"image":"mirror.example/busybox:1.36"', '"image":"reg.example/web:2.0"', '"image":"envoy:1.30"']);
    expect(images('Job')).toEqual(['"image":"reg.example/web:2.0"']);
    expect(images('CronJob')).toEqual(['"image":"mirror.example/busybox:1.36"', '"image":"reg.example/web:2.0"']);
    expect(plan.images).toEqual([
      {
        kind: 'Deployment',
        name: 'web',
        container: 'wait',
        from: 'busybox:1.36',
        to: 'mirror.example/busybox:1.36',
        source: { file: 'k8s/app.yaml', line: 1 },
      },
      { kind: 'Deployment', name: 'web', container: 'web', from: 'reg.example/web:1.0', to: 'reg.example/web:2.0', source: { file: 'k8s/app.yaml', line: 1 } },
      {
        kind: 'Job',
        name: 'migrate',
        container: 'migrate',
        from: 'reg.example/web:1.0',
        to: 'reg.example/web:2.0',
        source: { file: 'k8s/app.yaml', line: 14 },
      },
      {
        kind: 'CronJob',
        name: 'nightly',
        container: 'prep',
        from: 'busybox:1.36',
        to: 'mirror.example/busybox:1.36',
        source: { file: 'k8s/app.yaml', line: 25 },
      },
      { kind: 'CronJob', name: 'nightly', container: 'run', from: 'reg.example/web', to: 'reg.example/web:2.0', source: { file: 'k8s/app.yaml', line: 25 } },
    ]);
    expect(plan.warnings).toEqual([{ source: null, message: 'input images: "redis:7" matched no container image (no image named redis in the manifests)' }]);
    const text = planToText(plan);
    expect(text).toContain('Images replaced');
    expect(text).toMatch(/Job\s+migrate \(migrate\)\s+reg\.example\/web:1\.0 → reg\.example\/web:2\.0\s+k8s\/app\.yaml:14/);
  });

  it('a bad override stops the run before anything else, at the input', async () => {
    const root = writeRepo({ 'k8s/app.yaml': DEPLOYMENT });
    const { errors } = await prepareSource({
      manifests: ['k8s'],
      root,
      app: 'shop',
      namespace: 'default',
      revision: null,
      images: { lines: ['web'], label: '--image' },
    });
    expect(errors).toEqual([{ source: null, message: expect.stringMatching(/^--image: "web" names no tag/) }]);
  });

  it('no overrides: nothing is touched and the plan has no image list', () => {
    expect(applyImageOverrides([], [], 'images')).toEqual({ replaced: [], warnings: [] });
  });
});

describe('job summary', () => {
  it('lists the replaced images with their sources', async () => {
    const { buildPlanSummary } = await import('../../src/report/summary.js');
    const root = writeRepo({ 'k8s/app.yaml': DEPLOYMENT });
    const { plan } = await prepareSource({
      manifests: ['k8s'],
      root,
      app: 'shop',
      namespace: 'default',
      revision: null,
      images: { lines: ['reg.example/web:2.0'], label: 'input images' },
    });
    const md = buildPlanSummary(plan);
    expect(md).toContain('Images replaced');
    expect(md).toContain('`reg.example/web:1.0` → `reg.example/web:2.0`');
  });
});
