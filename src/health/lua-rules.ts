// One Argo CD Lua health script: a `lua:` entry of the health-checks file, or a
// resource.customizations.health.<group_kind> key of an argocd-cm ConfigMap. The script sees the
// live object as the global `obj` and returns a table `hs` with hs.status (Healthy, Progressing,
// Degraded, Suspended, Missing, Unknown) and hs.message, as in Argo CD.
import { groupOf, type K8sObject } from '../manifests/types.js';
import type { Source } from '../model/problems.js';
import { HEALTH_STATUSES, type HealthResult, type HealthStatus } from './types.js';
import { LuaScript, type SandboxLimits } from './lua/sandbox.js';

export interface LuaHealthRule {
  engine: 'lua';
  /** API group ('' for core) and kind; either may contain '*' (Argo CD's wildcard keys). */
  group: string;
  kind: string;
  /** Where the entry is (file:line of the entry or ConfigMap key). */
  source: Source;
  /** Where the script text is: its file and the file line of the script's first line. */
  scriptAt: Source;
  script: LuaScript;
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

export function luaRuleMatches(rule: LuaHealthRule, obj: K8sObject): boolean {
  const group = groupOf(obj.apiVersion);
  if (!rule.group.includes('*') && !rule.kind.includes('*')) return rule.group === group && rule.kind === obj.kind;
  return glob(rule.group).test(group) && glob(rule.kind).test(obj.kind);
}

/** "file:line" of a script line, counting from the script's first line in its file. */
function scriptLine(rule: Pick<LuaHealthRule, 'scriptAt'>, line: number | undefined): string {
  if (line === undefined) return `${rule.scriptAt.file}:${rule.scriptAt.line}`;
  return `${rule.scriptAt.file}:${rule.scriptAt.line + line - 1}`;
}

function label(group: string, kind: string): string {
  return group ? `${group}/${kind}` : kind;
}

/** Compile a script; a syntax error is reported at the script's own line in its file. */
export function compileLuaRule(
  head: { group: string; kind: string; source: Source; scriptAt: Source },
  text: string,
  limits?: SandboxLimits,
): { rule: LuaHealthRule } | { error: { source: Source; message: string } } {
  const compiled = LuaScript.compile(text, limits);
  if ('error' in compiled) {
    const at = scriptLine(head, compiled.line);
    const [file, line] = [at.slice(0, at.lastIndexOf(':')), Number(at.slice(at.lastIndexOf(':') + 1))];
    return {
      error: {
        source: { file, line },
        message: `Lua health script for ${label(head.group, head.kind)}${compiled.line ? ` (script line ${compiled.line})` : ''}: ${compiled.error}`,
      },
    };
  }
  return { rule: { engine: 'lua', ...head, script: compiled } };
}

const LIMIT_ERROR = /limit exceeded|too large/;

/** Run the script. A script error never throws: it is the verdict's message, naming kind and line. */
export function evaluateLuaRule(rule: LuaHealthRule, obj: K8sObject): HealthResult {
  const out = rule.script.run(obj);
  const kind = label(rule.group, rule.kind).replace(/\*/g, obj.kind);
  if ('error' in out) {
    // A runaway script will not behave better next time; any other error may be a field not set yet.
    const status: HealthStatus = LIMIT_ERROR.test(out.error) ? 'Degraded' : 'Unknown';
    const line = out.line ? ` line ${out.line}` : '';
    return { status, message: `Lua health script for ${obj.kind} (${scriptLine(rule, out.line)}, script${line || ' run'}) failed: ${out.error}` };
  }
  const status = out.value.status;
  if (!status || !(HEALTH_STATUSES as readonly string[]).includes(status)) {
    return {
      status: 'Unknown',
      message: `Lua health script for ${kind} (${rule.source.file}:${rule.source.line}) set hs.status to ${status === undefined ? 'nothing' : `'${status}'`}; expected one of ${HEALTH_STATUSES.join(', ')}`,
    };
  }
  return { status: status as HealthStatus, message: out.value.message ?? '' };
}
