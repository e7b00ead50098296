// The ApplySet id must be the one kubectl computes and checks (KEP-3659); the e2e suite also has
// kubectl itself accept it. The first vector is one kubectl 1.32 accepted on a parent Secret
// (`kubectl apply --applyset=secret/wavesync-probe -n i10-probe`, KUBECTL_APPLYSET=true).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { applysetId, formatList, groupKind, parseList, splitGroupKind } from '../../src/cluster/inventory/applyset.js';
import { TOOL_VERSION, TOOLING } from '../../src/model/tooling.js';

describe('ApplySet id', () => {
  it('is applyset-<base64url(sha256(name.namespace.kind.group))>-v1, no padding', () => {
    const id = applysetId('wavesync-probe', 'i10-probe');
    expect(id).toBe('applyset-cCgRRyx7Y8r4YoBxHyk_bR6hpBNTapSwd2fhK1lzxK0-v1');
    const expected = createHash('sha256')
      .update('wavesync-probe.i10-probe.Secret.')
      .digest('base64')
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(id).toBe(`applyset-${expected}-v1`);
    expect(id).not.toContain('=');
  });
  it('depends on every part (name, namespace, kind, group)', () => {
    const ids = new Set([
      applysetId('a', 'b'),
      applysetId('a', 'c'),
      applysetId('x', 'b'),
      applysetId('a', 'b', 'ConfigMap'),
      applysetId('a', 'b', 'Secret', 'g'),
    ]);
    expect(ids.size).toBe(5);
  });
  it('fits a label value (at most 63 characters, alphanumeric at both ends)', () => {
    const id = applysetId('wavesync-' + 'x'.repeat(40), 'ns');
    expect(id.length).toBeLessThanOrEqual(63);
    expect(id).toMatch(/^[a-z0-9A-Z]([-_.a-zA-Z0-9]*[a-zA-Z0-9])?$/);
  });
});

describe('annotation lists', () => {
  it('spells kinds as Kind.group, the core group as Kind alone', () => {
    expect(groupKind('apps/v1', 'Deployment')).toBe('Deployment.apps');
    expect(groupKind('v1', 'ConfigMap')).toBe('ConfigMap');
    expect(splitGroupKind('Deployment.apps')).toEqual({ kind: 'Deployment', group: 'apps' });
    expect(splitGroupKind('Widget.example.com')).toEqual({ kind: 'Widget', group: 'example.com' });
  });
  it('are sorted and without duplicates', () => {
    expect(formatList(['b', 'a', 'b'])).toBe('a,b');
    expect(parseList(' b,a,,a ')).toEqual(['a', 'b']);
    expect(parseList(undefined)).toEqual([]);
  });
  it('tooling names wavesync and the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(TOOLING).toBe(`wavesync/${pkg.version}`);
  });
});
