// The flags that say where manifests come from and how they are rendered, shared by plan and sync.
import { RENDERER_NAMES, type RendererName } from '../source/renderer-choice.js';
import type { SourceOptions } from '../pipeline/options.js';
import type { FlagSpecs, ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const SOURCE_FLAGS: FlagSpecs = {
  renderer: { type: 'string', choices: RENDERER_NAMES, description: 'auto (kustomization → kustomize, Chart.yaml → helm, else plain), plain, kustomize or helm (default: auto)' },
  'helm-values': { type: 'string', multiple: true, valueName: 'FILE', description: 'Helm values file' },
  'helm-set': { type: 'string', multiple: true, valueName: 'KEY=VALUE', description: 'Helm value (helm --set)' },
  image: { type: 'string', multiple: true, valueName: 'OVERRIDE', description: 'image override: name=newName:tag, name=newName@digest, name:tag or name@digest' },
};

export const SOURCE_USAGE = '[--renderer auto|plain|kustomize|helm] [--helm-values FILE ...] [--helm-set KEY=VALUE ...] [--image OVERRIDE ...]';

/** The source part of the pipeline's options from the flags. */
export function sourceFromArgs(args: ParsedArgs, io: CliIo): Pick<SourceOptions, 'render' | 'images'> {
  return {
    render: {
      renderer: (args.strings.renderer?.[0] ?? 'auto') as RendererName,
      helmValues: args.strings['helm-values'] ?? [],
      helmSet: args.strings['helm-set'] ?? [],
      env: io.env,
    },
    images: { lines: args.strings.image ?? [], label: '--image' },
  };
}
