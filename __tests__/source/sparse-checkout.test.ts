// Sparse checkout of the manifests paths (cone mode, blobs only for them), over file:// and over
// smart HTTP with the token; the run widens to the whole tree when kustomize or Helm renders (a
// kustomization's ../base lies outside the listed path) and stays sparse for plain YAML.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkout } from '../../src/source/checkout.js';
import { needsWholeTree, sparseDirs } from '../../src/source/sparse.js';
import { sourceStep } from '../../src/pipeline/source.js';
import { ResourceScope } from '../../src/pipeline/scope.js';
import { KUSTOMIZE_REPO } from '../../test/source/fixtures.js';
import { filesContaining, makeRepoFrom, startGitHttpServer, type GitHttpServer } from '../../test/source/git-server.js';

const TOKEN = 'ghs_sparseTestToken0123456789abcdef';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata: { k: v }\n`;
const FILES: Record<string, string> = {
  'README.md': '# deploy repo\n',
  'k8s/config.yaml': cm('shop-config'),
  'k8s/extra/more.yaml': cm('more'),
  // Incompressible and big enough that fetching it would show; never needed by a plain sync of k8s/.
  'assets/blob.bin': randomBytes(200_000).toString('base64'),
  'other/ignored.yaml': cm('ignored'),
  ...KUSTOMIZE_REPO,
};

let repo: ReturnType<typeof makeRepoFrom>;
let server: GitHttpServer;
let temp: string;
beforeAll(async () => {
  repo = makeRepoFrom('sparse-deploy', FILES);
  server = await startGitHttpServer(repo.projectRoot, TOKEN);
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-runner-temp-'));
});
afterAll(() => server.close());

const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME });
const filesIn = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
};
/** Bytes of objects git holds (loose and packed): a partial clone holds no blob outside the cone. */
const gitBytes = (dir: string): number => {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else n += fs.statSync(p).size;
    }
  };
  walk(path.join(dir, '.git/objects'));
  return n;
};

describe('sparseDirs: the cone for the manifests entries', () => {
  it('directories, files (their directory) and globs (the part before the pattern); null when the whole tree is needed', () => {
    expect(sparseDirs(['k8s'], 'auto')).toEqual(['k8s']);
    expect(sparseDirs(['./k8s/app.yaml', 'k8s/extra', 'apps/*/k8s', 'svc/**/*.yml'], 'plain')).toEqual(['apps', 'k8s', 'k8s/extra', 'svc']);
    expect(sparseDirs(['.'], 'auto')).toBeNull();
    expect(sparseDirs(['*.yaml'], 'auto')).toBeNull();
    expect(sparseDirs(['app.yaml'], 'auto')).toBeNull();
    expect(sparseDirs(['../other/k8s'], 'auto')).toBeNull();
    expect(sparseDirs(['/abs/k8s'], 'auto')).toBeNull();
    expect(sparseDirs(['deploy/overlays/prod'], 'kustomize')).toBeNull();
    expect(sparseDirs(['charts/shop'], 'helm')).toBeNull();
    expect(sparseDirs([], 'auto')).toBeNull();
  });
});

describe('sparse checkout', () => {
  it('over file://: only the cone (and root files) is checked out and fetched; widen() brings the rest at the same commit', async () => {
    const co = await checkout({ repository: `file://${repo.bare}`, ref: 'main', env: env(), tempDir: temp, sparse: ['k8s'] });
    try {
      expect(co.sha).toBe(repo.head);
      expect(co.sparse).toEqual(['k8s']);
      expect(filesIn(co.dir)).toEqual(['README.md', 'k8s/config.yaml', 'k8s/extra/more.yaml']);
      expect(gitBytes(co.dir)).toBeLessThan(50_000);
      expect(needsWholeTree(['k8s'], co.dir, 'auto')).toBe(false);
      await co.widen();
      expect(co.sparse).toBeNull();
      expect(filesIn(co.dir)).toEqual(Object.keys(FILES).sort());
      expect(fs.readFileSync(path.join(co.dir, 'assets/blob.bin'), 'utf8')).toBe(FILES['assets/blob.bin']);
      expect(gitBytes(co.dir)).toBeGreaterThan(200_000);
    } finally {
      co.cleanup();
    }
  });

  it('over HTTP with the token: the lazily fetched blobs come with the header too; nothing on disk holds the token', async () => {
    const co = await checkout({
      repository: 'acme/sparse-deploy',
      ref: repo.head,
      token: TOKEN,
      serverUrl: server.url,
      env: env(),
      tempDir: temp,
      sparse: ['k8s'],
    });
    try {
      expect(co.sha).toBe(repo.head);
      expect(filesIn(co.dir)).toEqual(['README.md', 'k8s/config.yaml', 'k8s/extra/more.yaml']);
      await co.widen();
      expect(filesIn(co.dir)).toContain('deploy/base/web.yaml');
      expect(filesContaining(co.dir, [TOKEN, BASIC])).toEqual([]);
    } finally {
      co.cleanup();
    }
    expect(server.requests.every((r) => r.authorization !== null)).toBe(true);
  });
});

describe('the source step: sparse for plain YAML, the whole tree for kustomize', () => {
  const run = (manifests: string[], renderer: 'auto' | 'plain' | 'kustomize') =>
    ResourceScope.run(async (scope) => {
      let dir = '';
      const { plan, errors } = await sourceStep(
        {
          manifests,
          root: temp,
          app: 'shop',
          namespace: 'team-a',
          revision: null,
          render: { renderer, env: env() },
          checkout: { repository: `file://${repo.bare}`, ref: 'main', env: env(), tempDir: temp, onCreated: (d) => (dir = d) },
        },
        scope,
      );
      return { plan, errors, files: filesIn(dir) };
    });
  const names = (plan: { steps: { tasks: { name: string | null }[] }[] }) => plan.steps.flatMap((s) => s.tasks.map((t) => t.name)).sort();

  it('plain YAML: the plan comes from a sparse checkout of k8s/', async () => {
    const { plan, errors, files } = await run(['k8s'], 'auto');
    expect(errors).toEqual([]);
    expect(plan.revision).toBe(repo.head);
    expect(names(plan)).toEqual(['more', 'shop-config']);
    expect(files).toEqual(['README.md', 'k8s/config.yaml', 'k8s/extra/more.yaml']);
  });

  it('a kustomize overlay using ../../base (renderer auto): widened to the whole tree, and it renders', async () => {
    const { plan, errors, files } = await run(['deploy/overlays/prod'], 'auto');
    expect(errors).toEqual([]);
    expect(names(plan)).toEqual(['prod-migrate', 'prod-web', 'prod-web-config']);
    expect(plan.steps.flatMap((s) => s.tasks).find((t) => t.name === 'prod-web')?.source.file).toBe('deploy/base/web.yaml');
    expect(files).toContain('other/ignored.yaml');
  });

  it('renderer kustomize given explicitly: never sparse', async () => {
    const { errors, files } = await run(['deploy/overlays/prod'], 'kustomize');
    expect(errors).toEqual([]);
    expect(files).toContain('assets/blob.bin');
  });
});
