// The job summary as GitHub renders it (GitHub-flavoured Markdown via marked): what a reader would
// see broken — a table left as text, a row with the wrong number of cells, a Mermaid block that is
// not one gantt chart, a <details> without its <summary> or code.
import { marked } from 'marked';

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

export interface Rendered {
  html: string;
  tables: number;
  problems: string[];
}

export function renderSummary(markdown: string): Rendered {
  const html = marked.parse(markdown, { gfm: true, async: false }) as string;
  const problems: string[] = [];
  const tables = html.split('<table>').slice(1);
  tables.forEach((table, i) => {
    const body = table.slice(0, table.indexOf('</table>'));
    const header = count(body.slice(0, body.indexOf('</thead>')), /<th[ >]/g);
    body
      .slice(body.indexOf('<tbody>'))
      .split('<tr>')
      .slice(1)
      .forEach((row, r) => {
        const cells = count(row, /<td[ >]/g);
        if (cells !== header) problems.push(`table ${i + 1} row ${r + 1}: ${cells} cells, the header has ${header}`);
      });
  });
  if (/<p>[^<]*\|\s*---/.test(html)) problems.push('a table was rendered as text');

  const mermaid = [...html.matchAll(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g)].map((m) => m[1]);
  if (mermaid.length !== 1) problems.push(`${mermaid.length} mermaid blocks, expected 1`);
  for (const chart of mermaid) {
    const lines = chart.trim().split('\n');
    if (lines[0] !== 'gantt') problems.push(`mermaid block starts with ${JSON.stringify(lines[0])}, not gantt`);
    // A bar: `<name> :<tags>, <id>, <start ms>, <end ms>`, the end not before the start.
    for (const l of lines.filter((x) => /^\s+[^ ].* :/.test(x) && !/^\s+(title|dateFormat|axisFormat)\b/.test(x))) {
      const m = /^\s+[^:]+ :(?:(?:done|crit|active), )?s\d+, (\d+), (\d+)$/.exec(l);
      if (!m) problems.push(`gantt bar not understood: ${l.trim()}`);
      else if (Number(m[2]) < Number(m[1])) problems.push(`gantt bar ends before it starts: ${l.trim()}`);
    }
  }

  for (const d of html.split('<details>').slice(1)) {
    const inner = d.slice(0, d.indexOf('</details>'));
    if (d.indexOf('</details>') < 0) problems.push('<details> not closed');
    if (!inner.includes('<summary>')) problems.push('<details> without <summary>');
    if (!/<pre>|<code>/.test(inner)) problems.push('<details> without the log as code');
  }
  return { html, tables: tables.length, problems };
}
