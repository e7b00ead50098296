// The job summary's Markdown: first line, facts, timeline, tables, failures, limits.
import { describe, expect, it } from '@jest/globals';
import { buildPlanSummary, buildSyncSummary } from '../../src/report/summary.js';
import { ganttText } from '../../src/report/timeline.js';
import { readGitHubContext } from '../../src/report/github-context.js';
import { EventBus, type SyncResult } from '../../src/sync/events.js';
import type { ReportInput } from '../../src/report/types.js';
import { MIGRATION_LOGS, SECRET_B64, SECRET_PLAIN, SHA, migrationFails, playSync, shopPlan, widePlan, type FateOf } from './fixtures.js';
import { allProblems, ganttProblems, splitFences, tables } from './markdown-checks.js';

const gh = readGitHubContext({ GITHUB_REPOSITORY: 'acme/shop-deploy', GITHUB_SHA: SHA, GITHUB_RUN_ID: '42' });

async function inputFor(fate?: FateOf, plan = shopPlan()): Promise<ReportInput> {
  const result: SyncResult = await playSync(new EventBus(), plan, fate);
  return { result, plan, warnings: [], validationErrors: [] };
}

describe('sync summary', () => {
  it('puts the result in the first line and the facts after it, with no credentials', async () => {
    const md = buildSyncSummary(await inputFor(), { github: gh, serverHost: '10.20.30.40:6443', checkRunUrl: 'https://github.com/acme/shop-deploy/runs/7' });
    expect(md.split('\n')[0]).toBe('## ✅ Succeeded: wavesync sync of `shop` at `9f8e7d6c5b4a`');
    expect(md).toContain('| **Cluster** | `10.20.30.40:6443` |');
    expect(md).toContain('| **Check run** | [details](https://github.com/acme/shop-deploy/runs/7) |');
    expect(md).toMatch(/\| \*\*Duration\*\* \| \d+ s \|/);
    for (const s of [SECRET_B64, SECRET_PLAIN, 's3cr3t-pass']) expect(md).not.toContain(s);
    expect(allProblems(md)).toEqual([]);
  });

  it('has a well-formed Mermaid gantt with one bar per step and per hook', async () => {
    const md = buildSyncSummary(await inputFor());
    const mermaid = splitFences(md).fences.filter((f) => f.info === 'mermaid');
    expect(mermaid).toHaveLength(1);
    expect(ganttProblems(mermaid[0].lines)).toEqual([]);
    const bars = mermaid[0].lines.filter((l) => / :.*s\d+, \d+, \d+$/.test(l));
    expect(bars).toHaveLength(5 + 2); // five steps, two hooks
    expect(mermaid[0].lines).toContain('  section PreSync');
  });

  it('has one table per phase with a row per task, linking each row to its manifest line', async () => {
    const md = buildSyncSummary(await inputFor(), { github: gh });
    const { tables: all, problems } = tables(md);
    expect(problems).toEqual([]);
    const phaseTables = all.filter((t) => t.header[0] === 'Wave');
    expect(phaseTables.map((t) => t.rows.length)).toEqual([1, 5, 1, 1]); // PreSync, Sync, PostSync, SyncFail (not run), as the engine's fold reports them
    const web = phaseTables[1].rows.find((r) => r[1] === 'Deployment') as string[];
    expect(web.slice(0, 5)).toEqual(['1', 'Deployment', 'shop/web', '✅ Succeeded (created)', '💚 Healthy: 3 of 3 replicas available']);
    expect(web[6]).toBe(`[deploy/base/web.yaml:1](https://github.com/acme/shop-deploy/blob/${SHA}/deploy/base/web.yaml#L1)`);
  });

  it('shows each failure with its cause and the hook logs collapsed', async () => {
    const md = buildSyncSummary(await inputFor(migrationFails));
    expect(md.split('\n')[0]).toBe('## ❌ Failed: wavesync sync of `shop` at `9f8e7d6c5b4a`');
    expect(md).toContain('**HookFailed:** Job has reached the specified backoff limit (BackoffLimitExceeded)');
    const details = md.slice(md.indexOf('<details>'), md.indexOf('</details>'));
    expect(details).toContain('<summary>Last 5 log lines of db-migrate</summary>');
    for (const line of MIGRATION_LOGS) expect(details).toContain(line);
    expect(md).toContain('### SyncFail');
    expect(allProblems(md)).toEqual([]);
  });

  it('keeps log lines with backticks and table cells with pipes from breaking the structure', async () => {
    const fate: FateOf = (t) =>
      t.name === 'db-migrate' ? { state: 'Failed', message: 'exit 1 | see `logs`', logs: ['```', 'a | b', '<script>x</script>'] } : undefined;
    const md = buildSyncSummary(await inputFor(fate));
    expect(allProblems(md)).toEqual([]);
    // Raw HTML only inside code blocks, where it is shown as text.
    expect(splitFences(md).outside.join('\n')).not.toContain('<script>');
    expect(splitFences(md).fences.some((f) => f.lines.includes('<script>x</script>'))).toBe(true);
  });

  it('lists skipped objects, warnings and prune results', async () => {
    const input = await inputFor();
    input.result = {
      ...input.result,
      pruned: [
        { kind: 'Deployment', namespace: 'shop', name: 'old-api', state: 'would-prune' },
        { kind: 'ConfigMap', namespace: 'shop', name: 'old-flags', state: 'pruned' },
      ],
    } as typeof input.result;
    const md = buildSyncSummary(input);
    expect(md).toContain('### Would be pruned (prune is off)\n\n- Deployment shop/old-api');
    expect(md).toContain('### Pruned\n\n- ConfigMap shop/old-flags');
    expect(md).toMatch(/### Skipped\n\n- `deploy\/base\/legacy.yaml:1` ConfigMap shop\/legacy-flags: annotated/);
    expect(md).toContain('helm.sh/hook: test is not run by wavesync');
  });

  it('stays under the size limit with a visible truncation note and intact structure', async () => {
    const input = await inputFor(
      () => ({ state: 'Failed', message: 'x'.repeat(300), logs: Array.from({ length: 50 }, (_, i) => `line ${i} ${'y'.repeat(100)}`) }),
      widePlan(3000),
    );
    const md = buildSyncSummary(input);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md).toContain('The summary was truncated');
    expect(allProblems(md)).toEqual([]);

    const small = buildSyncSummary(await inputFor(migrationFails), { maxBytes: 2500 });
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(2500);
    expect(small).toMatch(/truncated: \d+ more sections?/);
    expect(allProblems(small)).toEqual([]);
  });

  it('explains a missing check run', async () => {
    const md = buildSyncSummary(await inputFor(), { noCheckRun: '> [!NOTE]\n> **No check run was created:** because.' });
    expect(md.split('\n').slice(0, 4).join('\n')).toContain('No check run was created');
  });
});

describe('plan summary', () => {
  it('lists every planned task with its source and never the object data', () => {
    const md = buildPlanSummary(shopPlan(), { github: null, mode: 'plan' });
    expect(md.split('\n')[0]).toBe('## 📋 Planned: wavesync plan of `shop` at `9f8e7d6c5b4a`: 5 steps, 7 tasks');
    const steps = tables(md).tables.find((t) => t.header[0] === 'Phase');
    expect(steps?.rows).toHaveLength(8); // seven steps' tasks plus the SyncFail hook
    expect(steps?.rows[3]).toEqual(['Sync', '0', 'Secret', 'shop/shop-db', '', '`deploy/base/config.yaml:9`']);
    for (const s of [SECRET_B64, SECRET_PLAIN, 'LOG_LEVEL']) expect(md).not.toContain(s);
    expect(allProblems(md)).toEqual([]);
  });
});

describe('ganttText', () => {
  it('removes what Mermaid would read as syntax', () => {
    expect(ganttText('Job db:migrate #1; 50%')).toBe('Job db migrate 1 50');
    expect(ganttText(':::')).toBe('unnamed');
  });
});
