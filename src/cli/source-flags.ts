// The flags that say where manifests come from and how they are rendered, shared by plan and sync.
import { RENDERER_NAMES, type RendererName } from '../source/renderer-choice.js';
import type { SourceOptions } from '../pipeline/options.js';
import { UsageError, type FlagSpecs, type ParsedArgs } from './args.js';
import type { CliIo } from './io.js';

export const SOURCE_FLAGS: FlagSpecs = {
  repository: {
    type: 'string',
    valueName: 'URL',
    description: 'check out this repository (URL or owner/name on GitHub) and read --manifests from its root; token from WAVESYNC_GIT_TOKEN',
  },
  ref: { type: 'string', valueName: 'REF', description: 'branch, tag, SHA or refs/pull/N/head of --repository (default: its default branch)' },
  renderer: {
    type: 'string',
    choices: RENDERER_NAMES,
    description: 'auto (kustomization → kustomize, Chart.yaml → helm, else plain), plain, kustomize or helm (default: auto)',
  },
  'helm-values': { type: 'string', multiple: true, valueName: 'FILE', description: 'Helm values file' },
  'helm-set': { type: 'string', multiple: true, valueName: 'KEY=VALUE', description: 'Helm value (helm --set)' },
  image: {
    type: 'string',
    multiple: true,
    valueName: 'OVERRIDE',
    description: 'image override: name=newName:tag, name=newName@digest, name:tag or name@digest',
  },
};

export const SOURCE_USAGE =
  '[--repository URL [--ref REF]] [--renderer auto|plain|kustomize|helm] [--helm-values FILE ...] [--helm-set KEY=VALUE ...] [--image OVERRIDE ...]';

/** --ref alone has nothing to check out. */
export function checkSourceArgs(args: ParsedArgs): void {
  if (args.strings.ref && !args.strings.repository) throw new UsageError('--ref needs --repository (the repository to check out at that ref)');
}

/** The source part of the pipeline's options from the flags. */
export function sourceFromArgs(args: ParsedArgs, io: CliIo): Pick<SourceOptions, 'render' | 'images' | 'checkout'> {
  const repository = args.strings.repository?.[0];
  return {
    checkout: repository
      ? {
          repository,
          ref: args.strings.ref?.[0] ?? '',
          token: io.env.WAVESYNC_GIT_TOKEN || undefined,
          serverUrl: io.env.GITHUB_SERVER_URL || undefined,
          tempDir: io.env.RUNNER_TEMP || undefined,
          env: io.env,
        }
      : undefined,
    render: {
      renderer: (args.strings.renderer?.[0] ?? 'auto') as RendererName,
      helmValues: args.strings['helm-values'] ?? [],
      helmSet: args.strings['helm-set'] ?? [],
      env: io.env,
    },
    images: { lines: args.strings.image ?? [], label: '--image' },
  };
}
