// The post step removes the kubeconfig copy a killed main step left in RUNNER_TEMP, and nothing else.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { removeKubeconfigCopies } from '../../src/action/post-cleanup.js';
import { kubeconfigFromInput } from '../../src/cluster/kubeconfig.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('post step', () => {
  it('removes a copy left behind, keeps everything else, and is a no-op without RUNNER_TEMP', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'));
    const copy = kubeconfigFromInput('apiVersion: v1\nkind: Config\n', temp);
    expect(fs.statSync(copy.path).mode & 0o777).toBe(0o600);
    fs.mkdirSync(path.join(temp, 'other-step'));
    // The main step was killed: no cleanup ran.
    expect(removeKubeconfigCopies(temp)).toBe(1);
    expect(fs.existsSync(copy.path)).toBe(false);
    expect(fs.readdirSync(temp)).toEqual(['other-step']);
    expect(removeKubeconfigCopies(temp)).toBe(0);
    expect(removeKubeconfigCopies(undefined)).toBe(0);
    expect(removeKubeconfigCopies(path.join(temp, 'missing'))).toBe(0);
  });

  it('action.yml runs it after the main step whatever happened, from a bundle that is built', () => {
    const action = YAML.parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: Record<string, string> };
    expect(action.runs).toMatchObject({ post: 'dist/post.js', 'post-if': 'always()' });
    expect(fs.readFileSync(path.join(ROOT, 'scripts/build-bundles.mjs'), 'utf8')).toContain("entry: 'scripts/bundle-entries/post.ts', file: 'post.js'");
  });
});
