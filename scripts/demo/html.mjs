// The job summary as a local HTML page, close to how GitHub shows it: GitHub-flavoured Markdown
// (marked), alerts as quote boxes, and the mermaid timeline drawn when the browser is online.
import { Marked } from 'marked';

const STYLE = `
body { font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1012px; margin: 24px auto; padding: 0 16px; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 12px 0; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } tr:nth-child(2n) { background: #f6f8fa; }
code { background: #eff1f3; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; } pre code { background: none; padding: 0; }
blockquote { border-left: .25em solid #d1d9e0; color: #59636e; margin: 0; padding: 0 1em; }
.note { font-size: 12px; color: #59636e; border-bottom: 1px solid #d1d9e0; margin-bottom: 16px; }`;

export function summaryHtml(markdown, title) {
  // Returning false hands every other code block to marked's own renderer.
  const md = new Marked({ gfm: true }).use({
    renderer: { code: ({ text, lang }) => (lang === 'mermaid' ? `<pre class="mermaid">${escape(text)}</pre>\n` : false) },
  });
  const body = md.parse(markdown);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><div class="note">Job summary of <code>${escape(title)}</code>, as the Summary page of a GitHub Actions run shows it.</div>
${body}
<script type="module">
  // The timeline is a mermaid chart, as on GitHub; offline it stays readable as text.
  try { const { default: m } = await import('https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'); m.initialize({ startOnLoad: false }); await m.run(); } catch {}
</script>
</body></html>
`;
}

function escape(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
