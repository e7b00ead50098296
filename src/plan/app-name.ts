// The app name becomes part of object names (wavesync-<app> Lease and inventory Secret) and of a
// label value, so it must be a DNS-1123 label short enough for both.
const APP_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_APP_NAME = 53;

/** null when valid, else a message naming what is accepted. */
export function appNameProblem(app: string): string | null {
  if (APP_NAME.test(app) && app.length <= MAX_APP_NAME) return null;
  return `app name "${app}" is not valid: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most ${MAX_APP_NAME} characters`;
}

/** A valid app name derived from a directory or repository name ("My_Repo" → "my-repo"). */
export function defaultAppName(from: string): string {
  const cleaned = from
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_APP_NAME)
    .replace(/-+$/g, '');
  return cleaned || 'app';
}
