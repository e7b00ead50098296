// Figures that need no workload: bundle sizes, `plan` wall time, start → first API request of the
// CLI and the action bundle, and the manifest loader alone on 20 MB and on alias-heavy YAML.
import ncc from '@vercel/ncc';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pct } from './measure.mjs';
import { timed } from './measure.mjs';

const median = (xs) => pct(xs, 50);

export async function microFigures({ root, cluster, work }) {
  const out = {};
  out.bundles = {};
  for (const f of ['dist/index.js', 'dist/cli.js']) if (existsSync(path.join(root, f))) out.bundles[f] = statSync(path.join(root, f)).size;
  // Chunks (<id>.index.js, <id>.cli.js) load on first use (cluster client, Octokit, CEL, Lua): not at start.
  out.chunks = readdirSync(path.join(root, 'dist'))
    .filter((f) => /^\d+\.(index|cli)\.js$/.test(f))
    .reduce((sum, f) => sum + statSync(path.join(root, 'dist', f)).size, 0);

  const plans = [];
  for (let i = 0; i < 7; i++) {
    const r = await timed(process.execPath, [path.join(root, 'dist/cli.js'), 'plan', '--manifests', 'examples/seeds', '--app', 'seeds'], {}, 60_000);
    if (r.code === 0 && i > 0) plans.push(r.wallMs);
  }
  out.planMs = plans.length ? Math.round(median(plans)) : null;

  out.cliFirstRequestMs = await firstRequest(cluster, 3, () => [
    process.execPath,
    [
      path.join(root, 'dist/cli.js'),
      'sync',
      '--dry-run',
      '--manifests',
      path.join(root, 'examples/seeds'),
      '--kubeconfig',
      cluster.contenderKubeconfig,
      '--namespace',
      'default',
      '--app',
      'seeds',
    ],
    {},
  ]);
  out.actionFirstRequestMs = await actionFirstRequest(root, cluster, work);
  out.loader = await loader(root, work);
  return out;
}

async function firstRequest(cluster, n, command) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const [cmd, args, env] = command();
    const offset = cluster.auditOffset();
    const r = await timed(cmd, args, env, 120_000);
    await new Promise((res) => setTimeout(res, 300));
    const first = Math.min(...cluster.auditSince(offset).map((e) => Date.parse(e.requestReceivedTimestamp)));
    if (Number.isFinite(first)) xs.push(first - r.startedAt);
  }
  return xs.length ? Math.round(median(xs)) : null;
}

/** The action as a runner starts it (INPUT_* variables), in dry-run mode, with a local stand-in for the GitHub API. */
async function actionFirstRequest(root, cluster, work) {
  const api = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":1}');
    });
  });
  await new Promise((r) => api.listen(0, '127.0.0.1', r));
  const files = ['summary', 'output', 'state', 'event.json'].map((f) => path.join(work, `action-${f}`));
  for (const f of files) writeFileSync(f, f.endsWith('.json') ? '{}' : '');
  const env = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: root,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: files[3],
    GITHUB_STEP_SUMMARY: files[0],
    GITHUB_OUTPUT: files[1],
    GITHUB_STATE: files[2],
    GITHUB_SHA: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_RUN_ID: '1',
    GITHUB_API_URL: `http://127.0.0.1:${api.address().port}`,
    RUNNER_TEMP: work,
    INPUT_MANIFESTS: 'examples/seeds',
    INPUT_KUBECONFIG: readFileSync(cluster.contenderKubeconfig, 'utf8'),
    INPUT_NAMESPACE: 'default',
    INPUT_APP: 'seeds',
    INPUT_MODE: 'sync',
    'INPUT_DRY-RUN': 'true',
    INPUT_TOKEN: 'ghs_bench',
    INPUT_TIMEOUT: '60s',
  };
  try {
    return await firstRequest(cluster, 3, () => [process.execPath, [path.join(root, 'dist/index.js')], env]);
  } finally {
    api.close();
  }
}

async function loader(root, work) {
  const { code } = await ncc(path.join(root, 'bench/loader-entry.ts'), {
    target: 'es2022',
    minify: false,
    sourceMap: false,
    quiet: true,
    cache: false,
    transpileOnly: true,
  });
  const entry = path.join(work, 'loader.mjs');
  writeFileSync(entry, code);
  // 100,000 small ConfigMaps, about 20 MB.
  const big = path.join(work, 'manifests-20mb.yaml');
  const doc = (i) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: bench\n  labels: {app: bench, tier: t${i % 7}}\n  annotations:\n    argocd.argoproj.io/sync-wave: "${i % 10}"\ndata:\n  key: value-${i}-abcdefghijklmnopqrstuvwxyz0123456789\n`;
  writeFileSync(big, Array.from({ length: 100_000 }, (_, i) => doc(i)).join('---\n'));
  // One 1 MiB string, aliased by 900 objects of one List.
  const alias = path.join(work, 'alias-heavy.yaml');
  const items = Array.from(
    { length: 900 },
    (_, i) =>
      `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm-${i}}\n  data:\n    blob: ${i === 0 ? '&blob ' + JSON.stringify('x'.repeat(1 << 20)) : '*blob'}\n`,
  ).join('');
  writeFileSync(alias, `apiVersion: v1\nkind: ConfigMapList\nitems:\n${items}`);
  const out = [];
  for (const [name, file] of [
    ['20 MB, 100,000 objects', big],
    ['alias-heavy: 1 MiB string × 900', alias],
  ]) {
    const r = await timed(process.execPath, [entry, file], {}, 300_000, work);
    let outcome = `exit ${r.code}`;
    try {
      const j = JSON.parse(r.output.trim().split('\n').pop());
      outcome = `${j.objects} objects, ${j.errors} errors${j.firstError ? ` (${j.firstError.slice(0, 120)})` : ''}`;
    } catch {
      // no summary line: the outcome stays unknown
    }
    out.push({
      name,
      inputMB: +(statSync(file).size / 1048576).toFixed(1),
      wallMs: Math.round(r.wallMs),
      rssMB: r.rssKB ? Math.round(r.rssKB / 1024) : null,
      outcome,
    });
  }
  return out;
}
