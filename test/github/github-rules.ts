// Rules GitHub documents for check runs that the OpenAPI schema does not encode.
type Json = Record<string, unknown>;

export function checkRunRules(body: Json, creating: boolean): string[] {
  const errors: string[] = [];
  if (creating && typeof body.head_sha === 'string' && !/^[0-9a-f]{40}$/.test(body.head_sha)) errors.push('body.head_sha: not a commit SHA');
  if (creating && body.name === '') errors.push('body.name: empty');
  if (body.status === 'completed' && body.conclusion === undefined) errors.push('body: status completed requires a conclusion');
  if (body.completed_at !== undefined && body.conclusion === undefined) errors.push('body: completed_at requires a conclusion');
  const output = body.output as Json | undefined;
  const annotations = (output?.annotations as Json[] | undefined) ?? [];
  annotations.forEach((a, i) => {
    const at = `body.output.annotations[${i}]`;
    const path = String(a.path ?? '');
    if (path.startsWith('/') || path.startsWith('./') || path.split('/').includes('..') || path.includes('\\')) {
      errors.push(`${at}.path: must be relative to the repository root: ${path}`);
    }
    if (typeof a.start_line === 'number' && a.start_line < 1) errors.push(`${at}.start_line: lines start at 1`);
    if (typeof a.end_line === 'number' && typeof a.start_line === 'number' && a.end_line < a.start_line) errors.push(`${at}: end_line before start_line`);
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) errors.push(`${at}: columns only on a single line`);
    if (typeof a.title === 'string' && a.title.length > 255) errors.push(`${at}.title: longer than 255 characters`);
    for (const k of ['message', 'raw_details']) {
      if (typeof a[k] === 'string' && Buffer.byteLength(a[k] as string) > 64 * 1024) errors.push(`${at}.${k}: larger than 64 KB`);
    }
  });
  return errors;
}
