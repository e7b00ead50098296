// Hand-written structure checks for GitHub-flavoured Markdown (no renderer is installed): fenced
// blocks closed, tables rectangular with a delimiter row, <details> balanced, Mermaid gantt lines
// well formed. Each returns the problems found.

export interface Fence {
  info: string;
  lines: string[];
}

/** Fenced code blocks, and the lines outside them. */
export function splitFences(md: string): { fences: Fence[]; outside: string[]; problems: string[] } {
  const fences: Fence[] = [];
  const outside: string[] = [];
  let open: { marker: string; fence: Fence } | null = null;
  for (const raw of md.split('\n')) {
    const line = raw.replace(/^> ?/, '');
    const m = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open && m) {
      open = { marker: m[1], fence: { info: m[2].trim(), lines: [] } };
    } else if (open && m && m[1][0] === open.marker[0] && m[1].length >= open.marker.length && m[2].trim() === '') {
      fences.push(open.fence);
      open = null;
    } else if (open) open.fence.lines.push(line);
    else outside.push(raw);
  }
  return { fences, outside, problems: open ? [`unclosed fence ${open.marker}${open.fence.info}`] : [] };
}

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/);
}

export interface Table {
  header: string[];
  rows: string[][];
}

export function tables(md: string): { tables: Table[]; problems: string[] } {
  const { outside } = splitFences(md);
  const out: Table[] = [];
  const problems: string[] = [];
  for (let i = 0; i < outside.length; i++) {
    if (!outside[i].startsWith('|')) continue;
    const block: string[] = [];
    while (i < outside.length && outside[i].startsWith('|')) block.push(outside[i++]);
    if (i > block.length && outside[i - block.length - 1].trim() !== '') problems.push(`table not preceded by a blank line: ${block[0]}`);
    const [head, delim, ...rows] = block;
    const width = cells(head).length;
    if (!delim || !cells(delim).every((c) => /^\s*:?-{3,}:?\s*$/.test(c))) problems.push(`table without delimiter row: ${head}`);
    else if (cells(delim).length !== width) problems.push(`delimiter width differs: ${head}`);
    for (const r of rows) if (cells(r).length !== width) problems.push(`row has ${cells(r).length} cells, header ${width}: ${r}`);
    out.push({ header: cells(head).map((c) => c.trim()), rows: rows.map((r) => cells(r).map((c) => c.trim())) });
  }
  return { tables: out, problems };
}

export function detailsProblems(md: string): string[] {
  const opens = (md.match(/<details>/g) ?? []).length;
  const closes = (md.match(/<\/details>/g) ?? []).length;
  const summaries = (md.match(/<summary>[^<]*<\/summary>/g) ?? []).length;
  const problems: string[] = [];
  if (opens !== closes) problems.push(`${opens} <details> but ${closes} </details>`);
  if (summaries !== opens) problems.push(`${opens} <details> but ${summaries} <summary>`);
  return problems;
}

/** A Mermaid gantt with dateFormat x: every bar "name :tags id, startMs, endMs" with start < end. */
export function ganttProblems(lines: string[]): string[] {
  const problems: string[] = [];
  if (lines[0] !== 'gantt') problems.push(`first line is not gantt: ${lines[0]}`);
  if (!lines.some((l) => l.trim() === 'dateFormat x')) problems.push('no dateFormat x');
  const ids = new Set<string>();
  for (const l of lines.slice(1).map((x) => x.trim())) {
    if (/^(title|dateFormat|axisFormat|section) \S/.test(l)) continue;
    const m = /^([^:#;%]+) :((?:done|active|crit|milestone), )*(s\d+), (\d+), (\d+)$/.exec(l);
    if (!m) {
      problems.push(`malformed gantt line: ${l}`);
      continue;
    }
    if (ids.has(m[3])) problems.push(`duplicate id ${m[3]}`);
    ids.add(m[3]);
    if (!(Number(m[4]) < Number(m[5]))) problems.push(`bar ends before it starts: ${l}`);
  }
  if (ids.size === 0) problems.push('no bars');
  return problems;
}

export function allProblems(md: string): string[] {
  const f = splitFences(md);
  const mermaid = f.fences.filter((x) => x.info === 'mermaid').flatMap((x) => ganttProblems(x.lines));
  return [...f.problems, ...tables(md).problems, ...detailsProblems(md), ...mermaid];
}
