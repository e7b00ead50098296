import { describe, expect, test } from '@jest/globals';
import { readInputs } from '../../src/inputs.js';
import { parseDuration } from '../../src/model/duration.js';

const env = (inputs: Record<string, string>, extra: Record<string, string> = {}) =>
  Object.fromEntries([...Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]), ...Object.entries(extra)]);

describe('readInputs', () => {
  test('defaults, multiline manifests, app from the repository name', () => {
    const { inputs, errors } = readInputs(env({ manifests: 'k8s/\n  # a comment\n\n  more/*.yaml  \n' }, { GITHUB_REPOSITORY: 'acme/Shop_Front' }));
    expect(errors).toEqual([]);
    expect(inputs).toMatchObject({
      manifests: ['k8s/', 'more/*.yaml'],
      repository: 'acme/Shop_Front',
      app: 'shop-front',
      namespace: 'default',
      mode: 'sync',
      renderer: 'auto',
      prune: false,
      dryRun: false,
      timeoutSeconds: 600,
      waveDelaySeconds: 0,
      lockTimeoutSeconds: 300,
      failFastAfterSeconds: 60,
      retries: 0,
      checkName: 'wavesync / shop-front',
    });
  });

  test('values are read as @actions/core reads them (hyphenated names upper-cased)', () => {
    const { inputs, errors } = readInputs(
      env({ manifests: 'a', 'dry-run': 'true', 'wave-delay': '1m30s', 'fail-fast-after': '90', mode: 'plan', prune: 'True', retries: '2', app: 'x' }),
    );
    expect(errors).toEqual([]);
    expect([inputs.dryRun, inputs.waveDelaySeconds, inputs.failFastAfterSeconds, inputs.mode, inputs.prune, inputs.retries]).toEqual([
      true,
      90,
      90,
      'plan',
      true,
      2,
    ]);
  });

  test('the lifecycle inputs: prune-confirm, force-adopt, retry-backoff, on-failure, history-limit, rollback-to', () => {
    const { inputs, errors } = readInputs(
      env({
        manifests: 'a',
        'prune-confirm': 'true',
        'force-adopt': 'yes',
        'retry-backoff': '30s',
        'on-failure': 'rollback',
        'history-limit': '3',
        mode: 'rollback',
        'rollback-to': 'v2',
      }),
    );
    expect(errors).toEqual([]);
    expect(inputs).toMatchObject({
      pruneConfirm: true,
      forceAdopt: true,
      retryBackoffSeconds: 30,
      onFailure: 'rollback',
      historyLimit: 3,
      mode: 'rollback',
      rollbackTo: 'v2',
    });
    expect(readInputs(env({ manifests: 'a', 'on-failure': 'retry' })).errors).toEqual(['input on-failure: "retry" is not accepted; use one of fail, rollback']);
  });

  test('mode delete and mode rollback need no manifests (delete reads the inventory, rollback the history)', () => {
    expect(readInputs(env({ manifests: '', mode: 'delete' })).errors).toEqual([]);
    expect(readInputs(env({ manifests: '', mode: 'rollback' })).errors).toEqual([]);
  });

  test('every bad input is reported, each naming what is accepted', () => {
    const { errors } = readInputs(
      env({ manifests: '', mode: 'apply', renderer: 'jsonnet', prune: 'maybe', timeout: 'soon', retries: '-1', app: 'Bad_App', namespace: 'Not OK' }),
    );
    expect(errors).toEqual([
      'input manifests: required; give one file, directory or glob per line',
      expect.stringContaining('input app: app name "Bad_App" is not valid'),
      'input renderer: "jsonnet" is not accepted; use one of auto, plain, kustomize, helm',
      'input mode: "apply" is not accepted; use one of sync, plan, diff, delete, rollback',
      'input prune: "maybe" is not a boolean; use true or false',
      expect.stringContaining('input timeout: "soon" is not a duration'),
      'input retries: "-1" is not a whole number (0, 1, 2, ...)',
      expect.stringContaining('input namespace: "Not OK" is not a valid namespace name'),
    ]);
  });
});

test.each([
  ['90', 90],
  ['30s', 30],
  ['5m', 300],
  ['1h30m', 5400],
  ['1.5m', 90],
  ['250ms', 0.25],
])('parseDuration(%j) = %d', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
test.each(['', '5 m', 'm5', '-1s', '1d'])('parseDuration(%j) is null', (text) => expect(parseDuration(text)).toBeNull());
