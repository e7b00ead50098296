// One counted run of one contender on one workload, in a fresh namespace: wall time, the
// contender's API requests (audit log), cold start, gate latencies and peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectionPath, isHealthy } from './kube.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const WRITE_VERBS = new Set(['create', 'patch', 'update']);
const GATE_SKEW_MS = 250;
const HAVE_TIME = existsSync('/usr/bin/time');

export async function createNamespace(kube, name) {
  await kube.ok('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'bench.wavesync/run': 'true' } } });
  // Pods are refused until the namespace's default ServiceAccount exists.
  for (let i = 0; i < 200; i++) {
    if ((await kube.request('GET', `/api/v1/namespaces/${name}/serviceaccounts/default`)).status === 200) return;
    await sleep(50);
  }
  throw new Error(`namespace ${name}: no default ServiceAccount after 10s`);
}

/** Delete and wait until it is gone, so its teardown does not load the next run. */
export async function deleteNamespace(kube, name, timeoutMs = 300_000) {
  await kube.request('DELETE', `/api/v1/namespaces/${name}`);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await kube.request('GET', `/api/v1/namespaces/${name}`)).status === 404) return;
    await sleep(500);
  }
}

/** Run a command under /usr/bin/time (peak RSS); resolves to { code, wallMs, startedAt, rssKB, output }. */
export function timed(cmd, args, env, timeoutMs, cwd) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-run-'));
  const rssFile = path.join(dir, 'rss');
  const out = [];
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const t0 = process.hrtime.bigint();
    // GNU time reports the peak RSS; without it (apt-get install time) there is no RSS figure.
    const [bin, argv] = HAVE_TIME ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const child = spawn(bin, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d) => {
      out.push(d);
      if (out.length > 400) out.splice(0, out.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let rssKB = null;
      try {
        rssKB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || null;
      } catch {
        // no RSS figure (no GNU time): reported as unknown
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, wallMs, startedAt, rssKB, output: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** Watch the workload's kinds in the namespace and note when each object first was healthy. */
async function observe(kube, namespace, workload) {
  const healthyAt = new Map();
  const kinds = new Set(workload.steps.flatMap((s) => s.objects.map((o) => o.kind)));
  const watches = await Promise.all(
    [...kinds].map((kind) =>
      kube.watchKind(kind, namespace, (type, obj, at) => {
        const key = `${kind}/${obj.metadata.name}`;
        if (type !== 'DELETED' && !healthyAt.has(key) && isHealthy({ ...obj, kind })) healthyAt.set(key, at);
      }),
    ),
  );
  return { healthyAt, close: () => watches.forEach((w) => w.close()) };
}

/** Marks, as of now, the objects a fresh list shows healthy that the watch has not. */
async function listHealthy(kube, namespace, workload, healthyAt) {
  const kinds = new Set(workload.steps.flatMap((st) => st.objects.map((o) => o.kind)));
  for (const kind of kinds) {
    const list = await kube.ok('GET', collectionPath(kind, namespace)).catch(() => ({ items: [] }));
    const at = Date.now();
    for (const obj of list.items) {
      const key = `${kind}/${obj.metadata.name}`;
      if (!healthyAt.has(key) && isHealthy({ ...obj, kind })) healthyAt.set(key, at);
    }
  }
}

const pct = (xs, p) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/**
 * Gate latency: from the moment the last object of a step was healthy (the observer's watch
 * event) to the contender's first write naming an object of the next step (the audit log).
 * A contender that writes the next step before the previous one is healthy does not gate: null.
 * (Argo CD's engine, for one, may start a wave as soon as its own cache calls it healthy.)
 */
function gates(workload, healthyAt, events, namespace) {
  const firstWrite = new Map();
  for (const e of events) {
    if (!WRITE_VERBS.has(e.verb) || e.objectRef?.namespace !== namespace || !e.objectRef?.name || /[?&]dryRun=/.test(e.requestURI)) continue;
    const at = Date.parse(e.requestReceivedTimestamp);
    const key = `${e.objectRef.resource}/${e.objectRef.name}`;
    if (!firstWrite.has(key) || at < firstWrite.get(key)) firstWrite.set(key, at);
  }
  const resource = { ConfigMap: 'configmaps', Secret: 'secrets', Service: 'services', Deployment: 'deployments', Job: 'jobs' };
  const out = [];
  for (let i = 0; i + 1 < workload.steps.length; i++) {
    const done = workload.steps[i].objects.map((o) => healthyAt.get(`${o.kind}/${o.metadata.name}`));
    if (done.some((t) => t === undefined)) continue;
    const next = workload.steps[i + 1].objects.map((o) => firstWrite.get(`${resource[o.kind]}/${o.metadata.name}`)).filter((t) => t !== undefined);
    if (next.length === 0) continue;
    out.push(Math.min(...next) - Math.max(...done));
  }
  // The observer's watch and the contender's may see the same event a few ms apart: a small
  // negative gap is a gate at 0; writing the next step well before this one is healthy is none.
  if (out.some((g) => g < -GATE_SKEW_MS)) return null;
  return out.map((g) => Math.max(0, g));
}

export async function runOnce({ cluster, kube, contender, workload, dirs, namespace, timeoutMs }) {
  await createNamespace(kube, namespace);
  const [cmd, args, env = {}, cwd] = contender.command({ kubeconfig: cluster.contenderKubeconfig, namespace, dirs });
  try {
    if (workload.resync) {
      const first = await timed(cmd, args, env, timeoutMs, cwd);
      if (first.code !== 0) return { ok: false, error: `first sync failed (exit ${first.code}): ${tail(first.output)}` };
      await sleep(500);
    }
    const watch = await observe(kube, namespace, workload);
    const offset = cluster.auditOffset();
    const run = await timed(cmd, args, env, timeoutMs, cwd);
    // Every contender is timed until the workload is healthy: one that exits before its last wave
    // is (Argo CD's engine completes a sync without waiting for the last wave's health) is timed
    // until the harness's own watch sees the last object healthy.
    // (Hooks are awaited by every contender before it goes on; the waves' objects are what may be left.)
    const all = workload.steps.filter((st) => st.phase === 'Sync').flatMap((st) => st.objects.map((o) => `${o.kind}/${o.metadata.name}`));
    const deadline = run.startedAt + timeoutMs;
    for (let polls = 0; run.code === 0 && all.some((k) => !watch.healthyAt.has(k)) && Date.now() < deadline; polls++) {
      await sleep(50);
      // Every second, a list as well: a watch stream that ended would otherwise leave this waiting.
      if (polls % 20 === 19) await listHealthy(kube, namespace, workload, watch.healthyAt);
    }
    const healthyAtExit = all.every((k) => watch.healthyAt.has(k) && watch.healthyAt.get(k) <= run.startedAt + run.wallMs);
    const lastHealthy = Math.max(...all.map((k) => watch.healthyAt.get(k) ?? Infinity));
    await sleep(400); // the audit log entries of the run's last requests
    watch.close();
    const events = cluster.auditSince(offset);
    const first = Math.min(...events.map((e) => Date.parse(e.requestReceivedTimestamp)));
    const g = gates(workload, watch.healthyAt, events, namespace);
    return {
      ok: run.code === 0 && Number.isFinite(lastHealthy),
      ...(run.code === 0 ? {} : { error: `exit ${run.code}: ${tail(run.output)}` }),
      ...(run.code === 0 && !Number.isFinite(lastHealthy) ? { error: 'exited, but the workload never became healthy' } : {}),
      wallMs: Math.round(Math.max(run.wallMs, lastHealthy - run.startedAt)),
      healthyAtExit,
      requests: events.length,
      coldStartMs: Number.isFinite(first) ? first - run.startedAt : null,
      gateP50: g ? pct(g, 50) : null,
      gateP95: g ? pct(g, 95) : null,
      gates: g,
      rssMB: run.rssKB ? Math.round(run.rssKB / 1024) : null,
    };
  } finally {
    await deleteNamespace(kube, namespace);
  }
}

const tail = (s) => s.trim().split('\n').slice(-5).join(' | ').slice(0, 600);
export { pct };
