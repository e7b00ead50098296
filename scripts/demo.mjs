// npm run demo: wavesync's main job on the built-in local cluster (test/cluster).
//   1. bring the local control plane up (built from Go modules on first use, then cached);
//   2. sync examples/release-flow with the live view (PreSync hooks, three waves, PostSync);
//   3. sync a broken revision of it: a PreSync migration fails, SyncFail runs;
//   4. write each run's job summary as Markdown and HTML into demo-output/;
//   5. tell how to explore, re-run and stop.
// Without Go and without a built cluster, it says how to get Go and shows the offline plan.
// Env: WAVESYNC_DEMO_NAMESPACE (default wavesync-demo), WAVESYNC_DEMO_OUT (default demo-output,
// inside the repository), WAVESYNC_CLUSTER_STATE / WAVESYNC_CACHE as for test/cluster/up.sh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { binariesBuilt, clusterUp, findGo, wantedGo } from './demo/cluster.mjs';
import { summaryHtml } from './demo/html.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP = 'release-flow';
const NAMESPACE = process.env.WAVESYNC_DEMO_NAMESPACE || 'wavesync-demo';
const OUT = path.resolve(ROOT, process.env.WAVESYNC_DEMO_OUT || 'demo-output');
const rel = (p) => {
  const r = path.relative(ROOT, p);
  return r.startsWith('..') ? p : r || '.';
};
const say = (line = '') => console.log(line);
const title = (line) => say(`\n\x1b[1m== ${line}\x1b[0m\n`);

function offlinePlan(why) {
  say(why);
  title('Offline: the ordered plan of examples/release-flow (npm run demo:plan)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/demo-plan.mjs')], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

/** The broken revision: the example with one change, a migration that fails. */
function writeBrokenRevision() {
  const dir = path.join(OUT, 'release-flow-broken');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples/release-flow'), dir, { recursive: true, filter: (f) => !f.endsWith('README.md') });
  fs.copyFileSync(path.join(ROOT, 'scripts/demo/broken-db-migrate.yaml'), path.join(dir, '01-db-migrate.yaml'));
  return dir;
}

function sync(manifests, revision, kubeconfig, name) {
  const summary = path.join(OUT, `${name}.summary.md`);
  const args = [
    'sync',
    '--manifests',
    rel(manifests),
    '--app',
    APP,
    '--namespace',
    NAMESPACE,
    '--create-namespace',
    '--kubeconfig',
    kubeconfig,
    '--revision',
    revision,
    '--timeout',
    '3m',
    '--fail-fast-after',
    '20s',
    '--summary',
    rel(summary),
  ];
  say(`$ node dist/cli.js ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (!fs.existsSync(summary)) return { code: r.status ?? 1, files: [] };
  const html = summary.replace(/\.md$/, '.html');
  fs.writeFileSync(html, summaryHtml(fs.readFileSync(summary, 'utf8'), `wavesync sync of ${APP} at ${revision}`));
  return { code: r.status ?? 1, files: [summary, html] };
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) {
    say('dist/cli.js is missing: run `npm run bundle` first.');
    return 1;
  }
  fs.mkdirSync(OUT, { recursive: true });
  title('1/4 The local control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok nodes)');
  if (!binariesBuilt(ROOT) && !findGo()) {
    return offlinePlan(
      [
        'Go is not installed, and the local cluster is built from Go modules on first use.',
        `Get Go ${wantedGo(ROOT)} or newer from https://go.dev/dl/ (or your package manager), put it on PATH`,
        '(or in /usr/local/go), then run `npm run demo` again. Until then, here is what the demo would deploy:',
      ].join('\n'),
    );
  }
  if (!binariesBuilt(ROOT)) say('First use: building the cluster from Go modules (about 12 minutes on 2 cores; cached in ~/.cache/wavesync afterwards).');
  const up = await clusterUp(ROOT, process.env, say);
  say(`  cluster ${up.reused ? 'reused' : 'started'} in ${(up.tookMs / 1000).toFixed(1)} s; kubeconfig: ${rel(up.kubeconfig)}`);

  title(`2/4 Sync examples/release-flow into namespace ${NAMESPACE}`);
  const good = sync(path.join(ROOT, 'examples/release-flow'), 'release-1', up.kubeconfig, 'release-1');

  title('3/4 Sync a broken revision: migration 005 fails in PreSync, so nothing new is applied and SyncFail runs');
  const broken = sync(writeBrokenRevision(), 'release-2', up.kubeconfig, 'release-2');

  title('4/4 Job summaries (what the Summary page of a GitHub Actions run would show)');
  for (const f of [...good.files, ...broken.files]) say(`  ${rel(f)}`);

  const kc = `kubectl --kubeconfig ${rel(up.kubeconfig)}`;
  title('Explore, re-run, stop');
  say(`  ${kc} -n ${NAMESPACE} get deploy,pods,jobs,svc,cm`);
  say(`  ${kc} -n ${NAMESPACE} logs job/db-migrate        # the failed migration's log`);
  say(`  ${kc} -n ${NAMESPACE} logs job/notify-failure    # the SyncFail hook`);
  say('  npm run demo          # run it again (the cluster is reused: seconds)');
  say('  npm run demo:plan     # the offline plan only');
  say('  npm run cluster:down  # stop the local cluster');

  const ok = good.code === 0 && broken.code === 1;
  say(
    ok
      ? '\nThe demo ran as intended: release-1 Succeeded, release-2 Failed in PreSync and ran its SyncFail hook.'
      : `\nUnexpected: release-1 exited ${good.code} (0 expected), release-2 exited ${broken.code} (1 expected).`,
  );
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`demo: ${err.message}`);
    process.exitCode = 1;
  },
);
