// Medians, ratios, the issue's targets, and the text / Markdown (Mermaid xychart-beta) reports.
import { pct } from './measure.mjs';

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

export function summarize(results) {
  const out = {};
  for (const [w, r] of Object.entries(results)) {
    out[w] = { objects: r.objects, contenders: {} };
    for (const [c, runs] of Object.entries(r.runs)) {
      const good = runs.filter((x) => x.ok);
      const gated = good.every((x) => Array.isArray(x.gates));
      const gates = gated ? good.flatMap((x) => x.gates) : [];
      out[w].contenders[c] = {
        runs: runs.length,
        ok: good.length,
        wallMs: median(good.map((x) => x.wallMs)),
        requests: median(good.map((x) => x.requests)),
        coldStartMs: median(good.map((x) => x.coldStartMs)),
        rssMB: median(good.map((x) => x.rssMB)),
        gateP50: gates.length ? pct(gates, 50) : null,
        gateP95: gates.length ? pct(gates, 95) : null,
        gated: good.length > 0 && gated,
        // Runs that exited before the workload was healthy (timed until it was).
        exitedEarly: good.filter((x) => x.healthyAtExit === false).length,
      };
    }
    const floor = out[w].contenders.floor?.wallMs;
    const ws = out[w].contenders.wavesync?.wallMs;
    for (const s of Object.values(out[w].contenders)) {
      s.vsFloor = floor && s.wallMs ? s.wallMs / floor : null;
      s.wavesyncVs = ws && s.wallMs ? ws / s.wallMs : null;
    }
  }
  return out;
}

const f = (x, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));
const sec = (ms) => (ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(2));

function rows(doc, w) {
  const s = doc.summary[w];
  return Object.entries(s.contenders).map(([c, x]) => [
    c,
    `${x.ok}/${x.runs}`,
    sec(x.wallMs) + (x.exitedEarly ? ' †' : ''),
    f(x.vsFloor),
    f(x.wavesyncVs),
    x.requests ?? '—',
    x.gated ? `${f(x.gateP50, 0)} / ${f(x.gateP95, 0)}` : 'no gate',
    x.rssMB ?? '—',
    x.coldStartMs === null ? '—' : Math.round(x.coldStartMs),
  ]);
}
const HEAD = ['contender', 'ok', 'wall s (median)', '× floor', 'wavesync ÷ it', 'API requests', 'gate ms p50 / p95', 'peak RSS MB', 'first request ms'];

export function textTable(doc) {
  const out = [];
  for (const w of Object.keys(doc.summary)) {
    const body = rows(doc, w);
    const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
    out.push(`\n${w} (${doc.summary[w].objects} objects)`);
    for (const r of [HEAD, ...body]) out.push(r.map((v, i) => String(v).padEnd(widths[i])).join('  '));
  }
  for (const [c, why] of Object.entries(doc.unavailable)) out.push(`\n${c}: unavailable — ${why}`);
  if (doc.micro) out.push('', ...microLines(doc.micro));
  out.push('', 'targets:', ...targets(doc).map((t) => `  ${t.met === null ? '?' : t.met ? '✓' : '✗'} ${t.target}: ${t.value}`));
  return out.join('\n');
}

function microLines(m) {
  const l = [];
  if (m.bundles)
    l.push(
      `bundles: ${Object.entries(m.bundles)
        .map(([k, v]) => `${k} ${(v / 1048576).toFixed(1)} MB`)
        .join(', ')}${m.chunks ? ` (loaded at start); chunks loaded on first use: ${(m.chunks / 1048576).toFixed(1)} MB` : ''}`,
    );
  if (m.planMs !== undefined) l.push(`plan of examples/seeds: ${m.planMs} ms wall (median)`);
  if (m.cliFirstRequestMs !== undefined) l.push(`CLI start → first API request: ${m.cliFirstRequestMs ?? '—'} ms`);
  if (m.actionFirstRequestMs !== undefined) l.push(`action bundle start → first API request: ${m.actionFirstRequestMs ?? '—'} ms`);
  for (const x of m.loader ?? []) l.push(`loader ${x.name}: ${x.wallMs} ms, peak RSS ${x.rssMB} MB, ${x.outcome}`);
  return l;
}

/** The issue's targets, as measured (null: not measured in this run). */
export function targets(doc) {
  const s = doc.summary;
  const ws = (w) => s[w]?.contenders.wavesync;
  const out = [];
  const vs = Object.entries(s)
    .map(([w, x]) => [w, x.contenders.wavesync?.vsFloor])
    .filter(([, v]) => v);
  out.push({
    target: 'wavesync / floor ≤ 1.15 on every workload',
    value: vs.map(([w, v]) => `${w} ${v.toFixed(2)}`).join(', ') || '—',
    met: vs.length ? vs.every(([, v]) => v <= 1.15) : null,
  });
  const beaten = Object.entries(s).flatMap(([w, x]) =>
    Object.entries(x.contenders)
      .filter(([c, y]) => c !== 'wavesync' && c !== 'floor' && y.wallMs && ws(w)?.wallMs && ws(w).wallMs >= y.wallMs)
      .map(([c]) => `${w}: ${c}`),
  );
  out.push({
    target: 'faster than every other contender on every workload',
    value: beaten.length ? `not faster than ${beaten.join('; ')}` : 'yes',
    met: vs.length ? beaten.length === 0 : null,
  });
  const k = s['scale-1000']?.contenders.kubectl?.wavesyncVs;
  out.push({ target: '≤ 0.5 × kubectl script at 1,000 objects', value: k ? k.toFixed(2) : '—', met: k ? k <= 0.5 : null });
  // A re-sync has no gate to measure: every object is healthy before the run starts.
  const g = Object.entries(s)
    .filter(([w]) => !w.startsWith('resync'))
    .map(([, x]) => x.contenders.wavesync?.gateP95)
    .filter((v) => v !== null && v !== undefined);
  out.push({
    target: 'gate latency p95 ≤ 50 ms',
    value: g.length ? `worst ${Math.max(...g).toFixed(0)} ms (re-syncs excluded)` : '—',
    met: g.length ? Math.max(...g) <= 50 : null,
  });
  const a = ws('scale-1000')?.wallMs,
    b = ws('scale-3000')?.wallMs;
  out.push({ target: 'time linear: 3,000 objects ≤ 3.3 × 1,000', value: a && b ? `${(b / a).toFixed(2)} ×` : '—', met: a && b ? b / a <= 3.3 : null });
  const rss = ws('scale-3000')?.rssMB;
  out.push({ target: 'peak RSS ≤ 200 MB at 3,000 objects', value: rss ? `${rss} MB` : '—', met: rss ? rss <= 200 : null });
  const m = doc.micro ?? {};
  out.push({ target: 'plan of the seeds ≤ 150 ms', value: m.planMs ? `${m.planMs} ms` : '—', met: m.planMs ? m.planMs <= 150 : null });
  out.push({
    target: 'action bundle start → first API request ≤ 300 ms',
    value: m.actionFirstRequestMs ? `${m.actionFirstRequestMs} ms` : '—',
    met: m.actionFirstRequestMs ? m.actionFirstRequestMs <= 300 : null,
  });
  const big = (m.loader ?? []).find((x) => x.name.startsWith('20 MB'));
  out.push({
    target: 'loading 20 MB ≤ 3 s and ≤ 400 MB',
    value: big ? `${big.wallMs} ms, ${big.rssMB} MB` : '—',
    met: big ? big.wallMs <= 3000 && big.rssMB <= 400 : null,
  });
  const alias = (m.loader ?? []).find((x) => x.name.startsWith('alias'));
  out.push({
    target: 'alias-heavy YAML: memory bounded by input size',
    value: alias ? `${alias.rssMB} MB peak for a ${alias.inputMB} MB file (${alias.outcome})` : '—',
    met: alias ? alias.rssMB <= 400 : null,
  });
  return out;
}

export function markdownReport(doc) {
  const l = [`# wavesync benchmark — ${doc.started}${doc.opts.quick ? ' (quick)' : ''}`, ''];
  l.push(`${doc.machine.os}, ${doc.machine.cpus} cores, Node ${doc.machine.node}. ${runsText(doc.opts)}, contenders alternating, a fresh namespace each.`, '');
  l.push(`Cluster: ${doc.cluster}.`, '');
  l.push(
    'Contenders: ' +
      doc.contenders.map((c) => `**${c.id}**: ${c.label}${doc.unavailable[c.id] ? ` — unavailable: ${doc.unavailable[c.id]}` : ''}`).join('; ') +
      '.',
    '',
  );
  for (const w of Object.keys(doc.summary)) {
    l.push(`## ${w} (${doc.summary[w].objects} objects)`, '', `| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => ' --- ').join('|')}|`);
    for (const r of rows(doc, w)) l.push(`| ${r.join(' | ')} |`);
    if (Object.values(doc.summary[w].contenders).some((x) => x.exitedEarly))
      l.push('', '† exited before the last objects were healthy; timed until the harness saw them healthy.');
    l.push('');
  }
  const scale = ['scale-100', 'scale-1000', 'scale-3000'].filter((w) => doc.summary[w]);
  if (scale.length >= 2) {
    // A contender without a finished run at some size is left out (a 0 would read as instant).
    const all = Object.keys(doc.summary[scale[0]].contenders);
    const cs = all.filter((c) => scale.every((w) => doc.summary[w].contenders[c]?.wallMs));
    const left = all.filter((c) => !cs.includes(c));
    l.push(
      '## Time against object count (scale workloads, median seconds)',
      '',
      '```mermaid',
      'xychart-beta',
      '  title "wall time (s) against objects, 10 waves"',
      `  x-axis [${scale.map((w) => doc.summary[w].objects).join(', ')}]`,
      '  y-axis "seconds"',
    );
    for (const c of cs) l.push(`  line [${scale.map((w) => ((doc.summary[w].contenders[c]?.wallMs ?? 0) / 1000).toFixed(1)).join(', ')}]`);
    l.push('```', '', `Lines, in order: ${cs.join(', ')}.${left.length ? ` Not drawn (a size without a finished run): ${left.join(', ')}.` : ''}`, '');
  }
  if (doc.micro) l.push('## Start, plan, bundles, loader', '', ...microLines(doc.micro).map((x) => `- ${x}`), '');
  l.push(
    '## Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets(doc).map((t) => `| ${t.target} | ${t.value} | ${t.met === null ? 'not measured' : t.met ? 'yes' : 'no'} |`),
    '',
  );
  return l.join('\n');
}

// How many rounds were counted; workloads of 1,000 objects or more may have their own numbers.
function runsText(o) {
  const small = `${o.runs} counted runs after ${o.warmup} warm-up`;
  const runsLarge = o.runsLarge ?? o.runs;
  const warmupLarge = o.warmupLarge ?? o.warmup;
  if (runsLarge === o.runs && warmupLarge === o.warmup) return small;
  return `${small} (workloads of 1,000 objects or more: ${runsLarge} counted after ${warmupLarge} warm-up)`;
}
