import { describe, expect, it } from '@jest/globals';
import { unsupportedInputs } from '../../src/action/unsupported.js';
import { readInputs } from '../../src/inputs.js';

const inputs = (extra: Record<string, string>) => readInputs({ INPUT_MANIFESTS: 'k8s', GITHUB_REPOSITORY: 'acme/shop', ...extra }).inputs;

describe('inputs not available yet are never ignored silently', () => {
  it('refuses inputs that would change what gets deployed', () => {
    const env = { GITHUB_REPOSITORY: 'acme/shop' };
    expect(unsupportedInputs(inputs({ INPUT_RENDERER: 'helm' }), env).errors).toEqual([expect.stringMatching(/^input renderer: helm/)]);
    expect(unsupportedInputs(inputs({ INPUT_REPOSITORY: 'acme/other' }), env).errors).toEqual([expect.stringMatching(/^input repository/)]);
    expect(unsupportedInputs(inputs({}), env)).toEqual({ errors: [], warnings: [] });
  });

  it('prune, retries and lock-timeout work now: no warning for them', () => {
    const env = { GITHUB_REPOSITORY: 'acme/shop', 'INPUT_LOCK-TIMEOUT': '2m' };
    expect(unsupportedInputs(inputs({ INPUT_PRUNE: 'true', INPUT_RETRIES: '2', 'INPUT_LOCK-TIMEOUT': '2m' }), env)).toEqual({ errors: [], warnings: [] });
  });
});

describe('an input left at its action.yml default never warns (the runner sets every input)', () => {
  it('every default, as the runner sets them, gives no error and no warning in any mode', async () => {
    const { runnerInputEnv } = await import('../../test/github/runner-inputs.js');
    for (const mode of ['sync', 'plan']) {
      const env = { GITHUB_REPOSITORY: 'acme/shop', ...runnerInputEnv({ manifests: 'k8s', mode }, { repository: 'acme/shop', token: 'ghs_x' }) };
      const { inputs: read, errors } = readInputs(env);
      expect(errors).toEqual([]);
      expect(unsupportedInputs(read, env)).toEqual({ errors: [], warnings: [] });
    }
  });

  it('the fallbacks in inputs.ts are action.yml defaults', async () => {
    const { actionDefaults } = await import('../../test/github/runner-inputs.js');
    const { INPUT_DEFAULTS } = await import('../../src/inputs.js');
    const defaults = actionDefaults();
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) expect([name, defaults[name]]).toEqual([name, value]);
  });
});
