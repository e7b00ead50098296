// When the action checks out: another repository, a ref, or a workspace with no checkout; the
// token goes only to the workflow's GitHub server.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkoutOptions } from '../../src/action/options.js';
import { readInputs } from '../../src/inputs.js';

const workspace = (withGit: boolean) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wavesync-ws-'));
  if (withGit) fs.mkdirSync(path.join(dir, '.git'));
  return dir;
};
const SHA = '0123456789abcdef0123456789abcdef01234567';
const run = (inputs: Record<string, string>, withGit = true) => {
  const env = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: SHA,
    GITHUB_WORKSPACE: workspace(withGit),
    RUNNER_TEMP: '/tmp/rt',
    INPUT_MANIFESTS: 'k8s',
    INPUT_TOKEN: 'ghs_t',
    ...inputs,
  };
  return checkoutOptions(readInputs(env).inputs, env);
};

describe('checkoutOptions', () => {
  it("the workflow's own checked-out repository, no ref: the workspace, no checkout", () => {
    expect(run({})).toBeUndefined();
    expect(run({ INPUT_REPOSITORY: 'acme/app' })).toBeUndefined();
  });

  it('another repository: its default branch unless a ref is given, with the token', () => {
    expect(run({ INPUT_REPOSITORY: 'acme/config' })).toMatchObject({
      repository: 'acme/config',
      ref: '',
      token: 'ghs_t',
      serverUrl: 'https://github.com',
      tempDir: '/tmp/rt',
    });
    expect(run({ INPUT_REPOSITORY: 'acme/config', INPUT_REF: 'v2' })).toMatchObject({ repository: 'acme/config', ref: 'v2' });
  });

  it("a ref of the workflow's own repository, or no checkout in the workspace: checked out (the workflow's commit by default)", () => {
    expect(run({ INPUT_REF: 'release' })).toMatchObject({ repository: 'acme/app', ref: 'release' });
    expect(run({}, false)).toMatchObject({ repository: 'acme/app', ref: SHA });
  });

  it("a URL on another host gets no token; one on the workflow's server does", () => {
    expect(run({ INPUT_REPOSITORY: 'https://git.example.com/acme/config.git' })?.token).toBeUndefined();
    expect(run({ INPUT_REPOSITORY: 'https://github.com/acme/config.git' })?.token).toBe('ghs_t');
  });
});
