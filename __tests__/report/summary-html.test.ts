// The job summary rendered by a GitHub-flavoured Markdown renderer: tables and the Mermaid block
// must come out as real tables and one mermaid code block, not as stray text.
import { describe, expect, it } from '@jest/globals';
import { marked } from 'marked';
import { buildSyncSummary } from '../../src/report/summary.js';
import { EventBus } from '../../src/sync/events.js';
import { migrationFails, playSync, shopPlan } from './fixtures.js';

async function html(fate?: typeof migrationFails): Promise<string> {
  const plan = shopPlan();
  const result = await playSync(new EventBus(), plan, fate);
  const md = buildSyncSummary({ result, plan, warnings: [], validationErrors: [] });
  return marked.parse(md, { gfm: true, async: false }) as string;
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('job summary as GitHub renders it', () => {
  it('renders the phase tables as tables with a row per task', async () => {
    const out = await html();
    expect(count(out, /<table>/g)).toBeGreaterThanOrEqual(3);
    // Every table row has as many cells as its header.
    for (const table of out.split('<table>').slice(1)) {
      const body = table.slice(0, table.indexOf('</table>'));
      const headerCells = count(body.slice(0, body.indexOf('</thead>')), /<th[ >]/g);
      for (const row of body.slice(body.indexOf('<tbody>')).split('<tr>').slice(1)) expect(count(row, /<td[ >]/g)).toBe(headerCells);
    }
    expect(out).not.toMatch(/\|\s*---/); // no table left as raw text
  });

  it('renders one mermaid code block holding a gantt chart', async () => {
    const out = await html();
    const blocks = out.match(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g) ?? [];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain('gantt');
    expect(blocks[0]).toContain('dateFormat');
  });

  it('keeps failed hook logs inside a collapsed details element', async () => {
    const out = await html(migrationFails);
    const details = out.slice(out.indexOf('<details>'), out.indexOf('</details>'));
    expect(details).toContain('<summary>');
    expect(details).toMatch(/<pre>|<code>/);
  });
});
