import { describe, expect, test } from '@jest/globals';
import { parseArgs, UsageError, type FlagSpecs } from '../../src/cli/args.js';

const specs: FlagSpecs = {
  manifests: { type: 'string', multiple: true, description: '' },
  output: { type: 'string', choices: ['text', 'json'], description: '' },
  prune: { type: 'boolean', description: '' },
};

describe('parseArgs', () => {
  test('repeatable flags, --flag=value, booleans, help', () => {
    expect(parseArgs(['--manifests', 'a', '--manifests=b', '--output=json', '--prune', '-h'], specs)).toEqual({
      strings: { manifests: ['a', 'b'], output: ['json'] },
      booleans: { prune: true },
      help: true,
    });
  });

  test.each([
    [['--nope'], 'unknown flag --nope; accepted: --manifests, --output, --prune'],
    [['--output', 'yaml'], '--output must be one of text, json (got "yaml")'],
    [['--output', 'json', '--output', 'text'], '--output may be given only once'],
    [['--manifests'], '--manifests needs a value'],
    [['stray'], 'unexpected argument "stray"'],
    [['--prune=maybe'], '--prune takes true or false (got "maybe")'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseArgs(argv, specs)).toThrow(new UsageError(message));
  });
});
