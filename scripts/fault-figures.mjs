// Prints the figures of the last fault run (.tmp/fault-figures.json, written by e2e/faults) as the
// Markdown table docs/RELIABILITY.md carries: `node scripts/fault-figures.mjs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = JSON.parse(readFileSync(path.join(root, '.tmp', 'fault-figures.json'), 'utf8'));
const injected = (f) =>
  [
    f.resets && `${f.resets} resets`,
    f.delayedChunks && `${f.delayedChunks} delayed chunks`,
    f.stalls && `${f.stalls} stalls`,
    f.droppedLongLived && `${f.droppedLongLived} long-lived connections cut`,
    f.outages && `${f.outages} outages (${f.refused} connections refused)`,
    f.apf429 && `${f.apf429} × 429 from APF`,
  ]
    .filter(Boolean)
    .join(', ') || 'none';
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Run of ${run.at}, seed ${run.seed}, ${run.perKind} syncs per kind.\n`);
console.log('| fault kind | syncs | Succeeded | Failed, cause named | wrong | hooks duplicated / lost | faults injected | sync time min / median / max |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const total = { syncs: 0, succeeded: 0, failedClearly: 0, wrong: 0, dup: 0, lost: 0 };
for (const k of run.kinds) {
  total.syncs += k.syncs;
  total.succeeded += k.succeeded;
  total.failedClearly += k.failedClearly;
  total.wrong += k.wrong;
  total.dup += k.duplicatedHooks;
  total.lost += k.lostHooks;
  console.log(
    `| ${k.kind} | ${k.syncs} | ${k.succeeded} | ${k.failedClearly} | ${k.wrong} | ${k.duplicatedHooks} / ${k.lostHooks} | ${injected(k.faults)} | ${s(k.msMin)} / ${s(k.msMedian)} / ${s(k.msMax)} |`,
  );
}
console.log(
  `| **all** | **${total.syncs}** | **${total.succeeded}** | **${total.failedClearly}** | **${total.wrong}** | **${total.dup} / ${total.lost}** | | |`,
);
