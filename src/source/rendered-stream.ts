// A renderer's output (one YAML stream) → objects whose sources are the user's files, not lines of
// the stream: each document is parsed on its own and given the source its renderer's provenance
// says. Problems found in a document are reported at that source too.
import { parseManifestText } from '../manifests/parse-file.js';
import type { LoadResult, ManifestObject } from '../manifests/types.js';
import type { Source } from '../model/problems.js';

export interface StreamDoc {
  text: string;
  /** `# Source:` comment of the document (Helm), if any. */
  sourceComment: string | null;
}

/** Splits a YAML stream at `---` lines, keeping each document's `# Source:` comment. */
export function splitStream(text: string): StreamDoc[] {
  const docs: StreamDoc[] = [];
  let current: string[] = [];
  const flush = () => {
    const body = current.join('\n');
    if (body.trim() !== '') {
      const m = /^# Source: (.+)$/m.exec(body);
      docs.push({ text: body + '\n', sourceComment: m ? m[1].trim() : null });
    }
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^---(\s|$)/.test(line)) flush();
    else current.push(line);
  }
  flush();
  return docs;
}

/**
 * Parses each document and places its objects with `locate` (called once per object, in order) and
 * its problems at the place of its first object (`locate(doc, null)` when it has none).
 */
export function parseRendered(docs: StreamDoc[], streamName: string, locate: (doc: StreamDoc, obj: ManifestObject | null) => Source): LoadResult {
  const out: LoadResult = { objects: [], errors: [], warnings: [] };
  for (const doc of docs) {
    const parsed = parseManifestText(doc.text, streamName);
    let source: Source | null = null;
    for (const o of parsed.objects) {
      o.source = locate(doc, o);
      source ??= o.source;
      // Annotation lines refer to the rendered text, not the user's file: problems go to the object's source.
      delete o.annotationLines;
      out.objects.push(o);
    }
    source ??= locate(doc, null);
    for (const e of parsed.errors) out.errors.push({ source, message: `${e.message} (in the rendered output)` });
    for (const w of parsed.warnings) out.warnings.push({ source, message: w.message });
  }
  return out;
}
