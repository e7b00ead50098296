// Supply chain: the audit gate's verdicts (scripts/audit.mjs, run by .ci/run), and no process is
// ever started through a shell, so no input can be interpolated into one.
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function verdict(report: unknown): { verdict: string; findings?: string[] } {
  const script = `import('./scripts/audit.mjs').then((m) => process.stdout.write(JSON.stringify(m.auditVerdict(process.argv[1]))))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(report)], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

test('audit: high or critical findings fail, lower ones pass, an unreachable service is reported as not checked', () => {
  const counts = (high: number, critical: number) => ({ info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical });
  expect(verdict({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }).verdict).toBe('pass');
  const bad = verdict({
    vulnerabilities: { undici: { name: 'undici', severity: 'high' }, tar: { name: 'tar', severity: 'low' } },
    metadata: { vulnerabilities: counts(1, 0) },
  });
  expect(bad).toEqual(expect.objectContaining({ verdict: 'fail', findings: ['undici (high)'] }));
  expect(verdict({ vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 1) } }).verdict).toBe('fail');
  expect(verdict({ message: '405 Method Not Allowed', statusCode: 405 }).verdict).toBe('unavailable');
});

test('.ci/run installs from the lockfile, audits, checks the house rules, then tests', () => {
  const steps = fs
    .readFileSync('.ci/run', 'utf8')
    .split('\n')
    .filter((l) => /^(npm|node)\b/.test(l));
  expect(steps).toEqual(['npm ci', 'node scripts/audit.mjs', 'npm run lint', 'npm run format:check', 'npm run lint:actions', 'npm test']);
});

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

test('no shell: src/ starts processes in two places (git, kustomize, helm; kubeconfig exec plugins), with argument arrays; scripts/ only with argument arrays', () => {
  const src = sources('src').filter((f) => /child_process|@actions\/exec/.test(fs.readFileSync(f, 'utf8')));
  expect(src.sort()).toEqual([path.join('src', 'cluster', 'auth', 'exec-plugin.ts'), path.join('src', 'source', 'tools.ts')]);
  const tools = fs.readFileSync(path.join('src', 'source', 'tools.ts'), 'utf8');
  expect(tools).not.toMatch(/child_process|shell:\s*true|\bexecSync\(|\bexec\(/);
  expect(tools).toMatch(/getExecOutput\(bin, args, /);
  // The plugin the kubeconfig names runs with its own argument list, never through a shell.
  const plugin = fs.readFileSync(path.join('src', 'cluster', 'auth', 'exec-plugin.ts'), 'utf8');
  expect(plugin).not.toMatch(/shell:\s*true|\bexecSync\(|\bexec\(|execFile\(/);
  expect(plugin.match(/spawn\(/g)).toHaveLength(1);
  expect(plugin).toMatch(/spawn\(exec\.command, exec\.args \?\? \[\], \{/);
  for (const f of sources('scripts')) {
    const text = fs.readFileSync(f, 'utf8');
    expect([f, /shell:\s*true|\bexecSync\(|\bexec\(/.test(text)]).toEqual([f, false]);
  }
});
