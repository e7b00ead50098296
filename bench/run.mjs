// npm run bench [-- --quick] [--runs N] [--runs-large N] [--warmup N] [--warmup-large N] [--workloads a,b] [--contenders a,b] [--keep-cluster] [--no-bundle] [--no-micro]
// Starts a control plane of its own (bench/.state, never the shared one), runs every contender on
// every workload (contenders alternating, a fresh namespace per run), prints medians and ratios,
// and writes bench/results/<time>.json and .md. A benchmark: it asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchCluster } from './lib/cluster.mjs';
import { contenders as allContenders } from './lib/contenders.mjs';
import { Kube } from './lib/kube.mjs';
import { runOnce } from './lib/measure.mjs';
import { microFigures } from './lib/micro.mjs';
import { markdownReport, summarize, textTable } from './lib/report.mjs';
import { workloadsFor, writeArgo, writeHelm, writeKubectl } from './lib/workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};
const quick = flag('quick');
const opts = {
  quick,
  runs: Number(value('runs', quick ? 2 : 5)),
  warmup: Number(value('warmup', quick ? 0 : 1)),
  workloads: value('workloads', quick ? 'release-flow,scale-100,resync-100' : 'release-flow,scale-100,scale-1000,scale-3000,wide-1000,resync-1000')
    .split(',')
    .filter(Boolean),
  contenders: value('contenders', '').split(',').filter(Boolean),
  timeoutMs: Number(value('timeout-s', 900)) * 1000,
};
// Counted runs of workloads of 1,000 objects or more (default: --runs).
opts.runsLarge = Number(value('runs-large', opts.runs));
// Warm-up rounds of those workloads (default: --warmup). A round of scale-3000 with every contender
// takes about half an hour here, so a session-sized full run may count one round and warm up none.
opts.warmupLarge = Number(value('warmup-large', opts.warmup));
const warmupOf = (w) => (w.objects >= 1000 ? opts.warmupLarge : opts.warmup);

const progress = (text) => process.stderr.write(`\r\x1b[K[bench] ${text}`);
const cluster = new BenchCluster(ROOT, process.env.BENCH_CLUSTER_STATE ?? path.join(ROOT, 'bench/.state/cluster'));
const started = new Date();
// In namespace names: a run never meets namespaces an interrupted earlier run left behind.
const runId = (started.getTime() % 1e8).toString(36);
const stamp = started.toISOString().replace(/[:]/g, '-').replace(/\..*/, '') + (quick ? '-quick' : '');

if (!flag('no-bundle')) {
  progress('npm run bundle (so the bench runs what src/ builds to)…');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'ignore' });
}
progress('starting the benchmark control plane…\n');
cluster.up();
const kube = new Kube(cluster.kubeconfig);
const work = mkdtempSync(path.join(tmpdir(), 'wavesync-bench-'));
let exitCode = 0;
try {
  const list = allContenders(ROOT).filter((c) => opts.contenders.length === 0 || opts.contenders.includes(c.id) || c.id === 'kapp');
  const unavailable = {};
  for (const c of list) {
    progress(`preparing ${c.id}…`);
    const p = c.prepare();
    if (p.unavailable) unavailable[c.id] = p.unavailable;
  }
  const active = list.filter((c) => !unavailable[c.id]);
  const results = {};
  const total = workloadsFor(opts.workloads).reduce((n, w) => n + (warmupOf(w) + (w.objects >= 1000 ? opts.runsLarge : opts.runs)) * active.length, 0);
  let done = 0;
  for (const w of workloadsFor(opts.workloads)) {
    const base = path.join(work, w.name);
    const dirs = {
      base,
      argo: writeArgo(path.join(base, 'argo'), w),
      kubectl: writeKubectl(path.join(base, 'kubectl'), w),
      helm: writeHelm(path.join(base, 'helm'), w),
    };
    results[w.name] = { objects: w.objects, runs: {} };
    const runs = w.objects >= 1000 ? opts.runsLarge : opts.runs;
    const warmup = warmupOf(w);
    for (let r = 0; r < warmup + runs; r++) {
      // Alternate: each round starts with a different contender so drift hits all alike.
      const order = active.map((_, i) => active[(i + r) % active.length]);
      for (const c of order) {
        const what = r < warmup ? 'warm-up' : `run ${r - warmup + 1}/${runs}`;
        const t0 = Date.now();
        const tick = setInterval(() => progress(`[${done + 1}/${total}] ${w.name} · ${c.id} · ${what} · ${((Date.now() - t0) / 1000).toFixed(0)}s`), 1000);
        progress(`[${done + 1}/${total}] ${w.name} · ${c.id} · ${what}`);
        const ns = `b${runId}-${r}-${c.id}-${w.name}`
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-')
          .slice(0, 63);
        let res;
        try {
          res = await runOnce({ cluster, kube, contender: c, workload: w, dirs, namespace: ns, timeoutMs: opts.timeoutMs });
        } catch (err) {
          res = { ok: false, error: err.message };
        }
        clearInterval(tick);
        done++;
        if (!res.ok) process.stderr.write(`\n[bench] ${w.name} · ${c.id} failed: ${res.error}\n`);
        if (r >= warmup) (results[w.name].runs[c.id] ??= []).push(res);
      }
    }
    // Written after every workload: an interrupted run keeps what it measured.
    save(results, unavailable, list, null, false);
  }
  progress('micro figures (bundles, plan, cold start, loader)…');
  const micro = flag('no-micro') ? null : await microFigures({ root: ROOT, cluster, work });
  progress('done\n');
  const doc = save(results, unavailable, list, micro, true);
  console.log(textTable(doc));
  console.log(`\nresults: bench/results/${stamp}.json, bench/results/${stamp}.md`);
} catch (err) {
  process.stderr.write(`\n[bench] ${err.stack ?? err.message}\n`);
  exitCode = 1;
} finally {
  kube.close();
  rmSync(work, { recursive: true, force: true });
  if (!flag('keep-cluster')) cluster.down();
}
process.exit(exitCode);

function save(results, unavailable, list, micro, complete) {
  const doc = {
    started: started.toISOString(),
    finished: complete ? new Date().toISOString() : null,
    opts,
    machine: machine(),
    cluster: clusterSettings(),
    unavailable,
    contenders: list.map((c) => ({ id: c.id, label: c.label })),
    summary: summarize(results),
    micro,
    results: slim(results),
  };
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, `bench/results/${stamp}.json`), JSON.stringify(doc, null, 1) + '\n');
  writeFileSync(path.join(ROOT, `bench/results/${stamp}.md`), markdownReport(doc));
  return doc;
}

function machine() {
  const os = execFileSync('uname', ['-srm']).toString().trim();
  return { os, node: process.version, cpus: nproc() };
}
function nproc() {
  return Number(execFileSync('nproc').toString().trim());
}
function clusterSettings() {
  return 'kube-controller-manager and kube-scheduler --kube-api-qps=100 --kube-api-burst=200; controller-manager --concurrent-deployment-syncs=20 --concurrent-replicaset-syncs=20 --concurrent-job-syncs=20 (see test/cluster/up.sh); kwok podPlayStageParallelism 16, unthrottled client';
}
/** Per-run figures; gate lists rounded to whole ms (results files stay small). */
function slim(results) {
  const out = {};
  for (const [w, r] of Object.entries(results)) {
    out[w] = { objects: r.objects, runs: {} };
    for (const [c, runs] of Object.entries(r.runs)) out[w].runs[c] = runs.map((x) => ({ ...x, gates: x.gates?.map(Math.round) ?? null }));
  }
  return out;
}
