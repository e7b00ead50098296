// node bench/health.mjs: microseconds per health verdict, built-in kind vs Argo CD Lua rule (and a
// CEL rule for scale). Bundles src/health with ncc the way dist is built, then times each verdict
// in a loop after a warm-up. A benchmark, not a test: it prints figures and asserts nothing.
import ncc from '@vercel/ncc';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { code, assets } = await ncc(path.join(ROOT, 'bench/health-entry.ts'), {
  target: 'es2022',
  minify: false,
  sourceMap: false,
  quiet: true,
  cache: false,
  transpileOnly: true,
});
const dir = mkdtempSync(path.join(tmpdir(), 'wavesync-bench-'));
const file = path.join(dir, 'health.mjs');
writeFileSync(file, code);
// The CEL and Lua engines are chunks of their own (loaded on demand), written beside the bundle.
for (const [name, asset] of Object.entries(assets)) writeFileSync(path.join(dir, name), asset.source);
const { assessHealth, parseHealthChecks, loadRuleEngines } = await import(pathToFileURL(file).href);
await loadRuleEngines();

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', generation: 4 },
  spec: { replicas: 3, strategy: { type: 'RollingUpdate' } },
  status: {
    observedGeneration: 4,
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};
const certificate = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name: 'tls', namespace: 'shop', generation: 1 },
  spec: { secretName: 'tls' },
  status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Ready', message: 'Certificate is up to date and has not expired' }] },
};
const widget = {
  apiVersion: 'shop.example.com/v1',
  kind: 'Widget',
  metadata: { name: 'blue', namespace: 'shop', generation: 3 },
  spec: { color: 'blue', size: 3 },
  status: {
    observedGeneration: 3,
    conditions: [
      { type: 'Synced', status: 'True' },
      { type: 'Ready', status: 'True', message: '12 in stock' },
    ],
  },
};
const luaRules = parseHealthChecks(
  `- apiVersion: shop.example.com/v1
  kind: Widget
  lua: |
    hs = {}
    if obj.status ~= nil and obj.status.conditions ~= nil then
      for i, c in ipairs(obj.status.conditions) do
        if c.type == "Ready" and c.status == "True" then
          hs.status = "Healthy"
          hs.message = c.message
          return hs
        end
      end
    end
    hs.status = "Progressing"
    hs.message = "waiting"
    return hs
`,
  'bench.yaml',
);
const celRules = parseHealthChecks(
  `- apiVersion: shop.example.com/v1
  kind: Widget
  healthy: "has(self.status) && self.status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')"
`,
  'bench.yaml',
);
if (luaRules.errors.length || celRules.errors.length) throw new Error('bench rules did not parse');

function time(label, fn, n) {
  for (let i = 0; i < Math.min(n, 2000); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const us = Number(process.hrtime.bigint() - start) / 1000 / n;
  console.log(`${label.padEnd(44)} ${us.toFixed(2).padStart(8)} µs/verdict  (${n} runs)`);
  return us;
}

console.log(`node ${process.version}, ${process.arch}, bundle ${(code.length / 1024).toFixed(0)} KiB`);
time('built-in: Deployment (apps/v1)', () => assessHealth(deployment), 200_000);
time('family rule: Certificate (cert-manager.io)', () => assessHealth(certificate), 200_000);
time('generic kstatus: Widget, no rule', () => assessHealth(widget), 200_000);
time('CEL rule: Widget', () => assessHealth(widget, celRules.rules), 50_000);
time('Lua rule (Argo CD script): Widget', () => assessHealth(widget, luaRules.rules), 20_000);
const compileStart = process.hrtime.bigint();
for (let i = 0; i < 50; i++) parseHealthChecks(`- apiVersion: a.example.com/v1\n  kind: W\n  lua: return { status = "Healthy" }\n`, 'x.yaml');
console.log(
  `${'Lua rule compile (new sandboxed VM)'.padEnd(44)} ${(Number(process.hrtime.bigint() - compileStart) / 1000 / 50).toFixed(0).padStart(8)} µs/rule`,
);
rmSync(dir, { recursive: true, force: true });
