import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { contextNamespace, kubeconfigFromInput, kubeconfigPaths, loadKubeConfig } from '../../src/cluster/kubeconfig.js';

const SECRET = 'tok-very-secret-123';

function config(server: string, current: string | null, contexts: string[], ns?: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    current ? `current-context: ${current}` : '',
    'clusters:',
    `- name: c-${server.length}`,
    '  cluster:',
    `    server: ${server}`,
    'users:',
    '- name: u',
    '  user:',
    `    token: ${SECRET}`,
    'contexts:',
    ...contexts.flatMap((name) => [`- name: ${name}`, '  context:', `    cluster: c-${server.length}`, '    user: u', ns ? `    namespace: ${ns}` : '']),
  ]
    .filter((l) => l !== '')
    .join('\n');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kc-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('kubeconfigPaths', () => {
  it('prefers the explicit path, then KUBECONFIG (a list), then ~/.kube/config', () => {
    expect(kubeconfigPaths({ path: '/x', env: { KUBECONFIG: '/y' } })).toEqual(['/x']);
    expect(kubeconfigPaths({ env: { KUBECONFIG: ['/a', '', '/b'].join(delimiter) } })).toEqual(['/a', '/b']);
    expect(kubeconfigPaths({ env: {}, home: '/home/me' })).toEqual([join('/home/me', '.kube', 'config')]);
  });
});

describe('loadKubeConfig', () => {
  it('loads the explicit file and its current context', () => {
    const p = file('a', config('https://a.example:6443', 'one', ['one'], 'team'));
    const kc = loadKubeConfig({ path: p, env: { KUBECONFIG: '/nonexistent' } });
    expect(kc.getCurrentCluster()?.server).toBe('https://a.example:6443');
    expect(contextNamespace(kc)).toBe('team');
  });

  it('uses KUBECONFIG, skipping missing entries, and ~/.kube/config last', () => {
    const p = file('b', config('https://b.example', 'one', ['one']));
    const kc = loadKubeConfig({ env: { KUBECONFIG: [join(dir, 'missing'), p].join(delimiter) } });
    expect(kc.getCurrentCluster()?.server).toBe('https://b.example');
    mkdirSync(join(dir, '.kube'));
    writeFileSync(join(dir, '.kube', 'config'), config('https://home.example', 'h', ['h']));
    expect(loadKubeConfig({ env: {}, home: dir }).getCurrentCluster()?.server).toBe('https://home.example');
  });

  it('selects --context and rejects an unknown one, listing the known ones', () => {
    const p = file('c', config('https://c.example', 'one', ['one', 'two']));
    expect(loadKubeConfig({ path: p, context: 'two' }).getCurrentContext()).toBe('two');
    expect(() => loadKubeConfig({ path: p, context: 'three' })).toThrow(/context "three" not found .*one, two/);
  });

  it('asks for --context when the file sets none', () => {
    const p = file('d', config('https://d.example', null, ['one']));
    expect(() => loadKubeConfig({ path: p })).toThrow(/no current-context set; pass --context/);
  });

  it('explains a missing file and says where it looked', () => {
    expect(() => loadKubeConfig({ path: join(dir, 'nope') })).toThrow(/nope: kubeconfig file not found/);
    expect(() => loadKubeConfig({ env: {}, home: dir })).toThrow(/no kubeconfig found \(looked at .*\.kube/);
  });

  it('never puts the file contents in a parse error', () => {
    const p = file('bad', `users:\n- name: u\n  user: {token: ${SECRET}\n  broken: [`);
    let message = '';
    try {
      loadKubeConfig({ path: p });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/not a valid kubeconfig/);
    expect(message).not.toContain(SECRET);
  });
});

describe('kubeconfigFromInput', () => {
  it('writes a 0600 file that cleanup removes', () => {
    const text = config('https://e.example', 'one', ['one']);
    const tmp = kubeconfigFromInput(text, dir);
    expect(readFileSync(tmp.path, 'utf8')).toBe(text);
    expect(statSync(tmp.path).mode & 0o777).toBe(0o600);
    expect(loadKubeConfig({ path: tmp.path }).getCurrentCluster()?.server).toBe('https://e.example');
    tmp.cleanup();
    tmp.cleanup();
    expect(existsSync(tmp.path)).toBe(false);
  });

  it('rejects empty input', () => {
    expect(() => kubeconfigFromInput('  \n', dir)).toThrow(/kubeconfig input is empty/);
  });
});
