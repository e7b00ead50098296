// Supply-chain gate for .ci/run: `npm audit --omit=dev` must report no high or critical advisory.
// Exit 1 on such a finding. When the advisory service cannot be reached at all (some registry
// mirrors answer 405), say so loudly and exit 0: the check was not done, and the log says that.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** 'fail' with the findings, 'pass', or 'unavailable' with the reason, from `npm audit --json` output. */
export function auditVerdict(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { verdict: 'unavailable', reason: 'npm audit printed no JSON' };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) return { verdict: 'unavailable', reason: report?.message ?? report?.error?.summary ?? 'no vulnerability counts in the report' };
  const serious = Object.values(report.vulnerabilities ?? {})
    .filter((v) => v.severity === 'high' || v.severity === 'critical')
    .map((v) => `${v.name} (${v.severity})`);
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) return { verdict: 'fail', findings: serious, counts };
  return { verdict: 'pass', counts };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Arguments only, no shell.
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
  const result = auditVerdict(run.stdout);
  if (result.verdict === 'fail') {
    console.error(`npm audit --omit=dev: ${result.findings.length} high or critical finding(s): ${result.findings.join(', ')}`);
    process.exit(1);
  }
  if (result.verdict === 'unavailable') {
    console.error(`::warning::npm audit --omit=dev could not be checked (${result.reason}); the supply-chain check was NOT done`);
    process.exit(0);
  }
  const c = result.counts;
  console.log(
    `npm audit --omit=dev: no high or critical finding (critical ${c.critical ?? 0}, high ${c.high ?? 0}, moderate ${c.moderate ?? 0}, low ${c.low ?? 0})`,
  );
}
