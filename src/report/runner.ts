// What a JavaScript action says to the GitHub runner: workflow commands on stdout (`::name
// key=value::message`, with %, CR, LF escaped, and : , too in values of keys) and outputs, state and
// the job summary appended to the files the runner names in GITHUB_OUTPUT, GITHUB_STATE and
// GITHUB_STEP_SUMMARY. Written here rather than taken from @actions/core, which brings an HTTP
// client (for OIDC tokens, unused here) that every start of the action had to compile.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, message: string, props: Record<string, string | number | undefined> = {}): void {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  process.stdout.write(`::${name}${list ? ` ${list}` : ''}::${escapeData(message)}${EOL}`);
}

/** The runner's names for annotation positions (line, col), from the names the API uses. */
const annotation = (p: AnnotationProperties = {}) => ({
  title: p.title,
  file: p.file,
  line: p.startLine,
  endLine: p.endLine,
  col: p.startColumn,
  endColumn: p.endColumn,
});

export const info = (message: string): void => void process.stdout.write(message + EOL);
export const debug = (message: string): void => command('debug', message);
export const notice = (message: string, props?: AnnotationProperties): void => command('notice', message, annotation(props));
export const warning = (message: string, props?: AnnotationProperties): void => command('warning', message, annotation(props));
export const error = (message: string, props?: AnnotationProperties): void => command('error', message, annotation(props));
/** The runner replaces this value with *** wherever it appears in the log from now on. */
export const setSecret = (value: string): void => command('add-mask', value);
export const startGroup = (name: string): void => command('group', name);
export const endGroup = (): void => command('endgroup', '');

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** name<<delimiter, the value, delimiter: a value may span lines; a random delimiter cannot occur in it. */
function appendKeyValue(variable: string, fallback: string, name: string, value: string): void {
  const file = process.env[variable];
  // Runners older than the files (and local runs of the bundle) read the stdout command instead.
  if (!file) return command(fallback, value, { name });
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`${name}: value contains its own delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export const setOutput = (name: string, value: string): void => appendKeyValue('GITHUB_OUTPUT', 'set-output', name, value);
/** Read back by the post step as STATE_<name>. */
export const saveState = (name: string, value: string): void => appendKeyValue('GITHUB_STATE', 'save-state', name, value);

export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: not running as a step of a GitHub Actions job');
  appendFileSync(file, markdown + EOL, 'utf8');
}
