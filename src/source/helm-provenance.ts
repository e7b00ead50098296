// Where a document rendered by Helm came from: `# Source: <chart>/templates/x.yaml` names the
// template; the line is where the matching document starts in that template (the n-th document of
// that kind in the file, since Helm renders a template's documents in order).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Source } from '../model/problems.js';
import { relativeToRoot } from '../manifests/load.js';

export interface TemplateDoc {
  /** 1-based line of the document's first non-blank line. */
  line: number;
  text: string;
}

/** A template's documents, split at `---` lines. */
export function templateDocs(text: string): TemplateDoc[] {
  const docs: TemplateDoc[] = [];
  let start = 1;
  let current: string[] = [];
  const flush = () => {
    const first = current.findIndex((l) => l.trim() !== '' && !/^\s*\{\{-?\s*\/\*.*\*\/\s*-?\}\}\s*$/.test(l));
    if (first >= 0) docs.push({ line: start + first, text: current.join('\n') });
  };
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^---(\s|$)/.test(l)) {
      flush();
      start = i + 2;
      current = [];
    } else current.push(l);
  });
  flush();
  return docs;
}

/** Path of a `# Source:` name inside the chart directory: the first segment is the chart's name. */
export function sourceFileInChart(sourceName: string, chartDir: string): string {
  const rest = sourceName.split('/').slice(1).join('/');
  return path.join(chartDir, rest);
}

export class HelmProvenance {
  private readonly docsByFile = new Map<string, TemplateDoc[]>();
  /** How many documents of each (file, kind) were seen so far. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly chartDir: string,
    private readonly root: string,
  ) {}

  /** The source of the next rendered document of `kind` from template `sourceName` (null: unknown). */
  locate(sourceName: string | null, kind: string | null): Source {
    const chartFile = { file: relativeToRoot(path.join(this.chartDir, 'Chart.yaml'), this.root), line: 1 };
    if (!sourceName) return chartFile;
    const abs = sourceFileInChart(sourceName, this.chartDir);
    // A template inside a packaged subchart (.tgz) has no file to open: point at the chart.
    if (!existsSync(abs)) return chartFile;
    const file = relativeToRoot(abs, this.root);
    const docs = this.docs(abs);
    const key = `${abs}\0${kind ?? ''}`;
    const n = this.seen.get(key) ?? 0;
    this.seen.set(key, n + 1);
    const kindRe = kind ? new RegExp(`^\\s*kind:\\s*["']?${kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`, 'm') : null;
    const ofKind = kindRe ? docs.filter((d) => kindRe.test(d.text)) : [];
    const candidates = ofKind.length > 0 ? ofKind : docs;
    const doc = candidates[Math.min(n, candidates.length - 1)];
    return { file, line: doc?.line ?? 1 };
  }

  private docs(abs: string): TemplateDoc[] {
    let docs = this.docsByFile.get(abs);
    if (!docs) {
      docs = templateDocs(readFileSync(abs, 'utf8'));
      this.docsByFile.set(abs, docs);
    }
    return docs;
  }
}
