import { describe, expect, it } from '@jest/globals';
import { readInputs } from '../../src/inputs.js';

describe('an input left at its action.yml default is no mistake (the runner sets every input)', () => {
  it('every default, as the runner sets them, gives no error in any mode', async () => {
    const { runnerInputEnv } = await import('../../test/github/runner-inputs.js');
    for (const mode of ['sync', 'plan', 'diff', 'delete', 'rollback']) {
      const env = { GITHUB_REPOSITORY: 'acme/shop', ...runnerInputEnv({ manifests: 'k8s', mode }, { repository: 'acme/shop', token: 'ghs_x' }) };
      expect(readInputs(env).errors).toEqual([]);
    }
  });

  it('the fallbacks in inputs.ts are action.yml defaults', async () => {
    const { actionDefaults } = await import('../../test/github/runner-inputs.js');
    const { INPUT_DEFAULTS } = await import('../../src/inputs.js');
    const defaults = actionDefaults();
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) expect([name, defaults[name]]).toEqual([name, value]);
  });
});
