// A small, strict flag parser: --name value, --name=value, repeatable flags, booleans.
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
  /** Accepted values, named in the error otherwise. */
  choices?: readonly string[];
  description: string;
  valueName?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface ParsedArgs {
  strings: Record<string, string[]>;
  booleans: Record<string, boolean>;
  help: boolean;
}

/** A mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: string[], specs: FlagSpecs): ParsedArgs {
  const parsed: ParsedArgs = { strings: {}, booleans: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = specs[name];
    if (!spec)
      throw new UsageError(
        `unknown flag --${name}; accepted: ${Object.keys(specs)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    if (spec.type === 'boolean') {
      const raw = eq < 0 ? 'true' : arg.slice(eq + 1);
      if (raw !== 'true' && raw !== 'false') throw new UsageError(`--${name} takes true or false (got "${raw}")`);
      parsed.booleans[name] = raw === 'true';
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}")`);
    }
    const list = (parsed.strings[name] ??= []);
    if (!spec.multiple && list.length > 0) throw new UsageError(`--${name} may be given only once`);
    list.push(value);
  }
  return parsed;
}

/** Flag lines for a usage text. */
export function describeFlags(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const value = s.type === 'string' ? ` ${s.valueName ?? (s.choices ? s.choices.join('|') : 'VALUE')}` : '';
    return [`  --${name}${value}`, s.description + (s.multiple ? ' (repeatable)' : '')];
  });
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([l, r]) => l.padEnd(width) + r).join('\n');
}
