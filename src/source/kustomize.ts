// Kustomizations → objects: `kustomize build` when installed, else `kubectl kustomize`. The build
// goes through a throwaway kustomization that includes the user's and turns on origin annotations,
// so every object points at the file it came from without changing the user's files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { relativeToRoot } from '../manifests/load.js';
import type { LoadResult } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import { KustomizeProvenance } from './kustomize-origin.js';
import { parseRendered, splitStream } from './rendered-stream.js';
import { findTool, runTool, stderrTail, type Env } from './tools.js';

export interface KustomizeOptions {
  dir: string;
  /** The kustomization file in dir (errors point at it). */
  file: string;
  root: string;
  env: Env;
  tempDir?: string;
}

export const KUSTOMIZE_MISSING =
  'neither kustomize nor kubectl is installed (not on PATH); install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which GitHub-hosted runners already have';

export async function renderKustomize(opts: KustomizeOptions): Promise<LoadResult> {
  const fileSource: Source = { file: relativeToRoot(opts.file, opts.root), line: 1 };
  const fail = (message: string): LoadResult => ({ objects: [], errors: [{ source: fileSource, message }], warnings: [] });
  const kustomize = findTool('kustomize', opts.env);
  const kubectl = kustomize ? null : findTool('kubectl', opts.env);
  if (!kustomize && !kubectl) return fail(KUSTOMIZE_MISSING);

  const wrapper = mkdtempSync(path.join(opts.tempDir || os.tmpdir(), 'wavesync-kustomize-'));
  try {
    const target = path.relative(wrapper, opts.dir).split(path.sep).join('/');
    writeFileSync(path.join(wrapper, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
    const [bin, args] = kustomize ? [kustomize, ['build', wrapper]] : [kubectl!, ['kustomize', wrapper]];
    const out = await runTool(bin, args, { cwd: opts.dir, env: opts.env });
    if (out.code !== 0) {
      const what = kustomize ? 'kustomize build' : 'kubectl kustomize';
      return fail(`${what} failed:\n${cleanStderr(stderrTail(out.stderr), wrapper) || `exit code ${out.code}`}`);
    }
    const provenance = new KustomizeProvenance(wrapper, opts.root, fileSource);
    return parseRendered(splitStream(out.stdout), fileSource.file, (_doc, obj) => (obj ? provenance.take(obj.object) : fileSource));
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
}

/** kubectl's log prefix and the throwaway directory mean nothing to the user. */
function cleanStderr(text: string, wrapper: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/^E\d{4} [\d:.]+\s+\d+ \S+\] /, '')
        .split(wrapper + '/')
        .join('')
        .split(wrapper)
        .join('.'),
    )
    .join('\n');
}
