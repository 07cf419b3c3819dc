/** The options every mount adapter (src/mount-<framework>.ts) takes. */
export interface MountOptions {
  /** Where the endpoints live in the host app: `${prefix}/health` and `${prefix}/api/chat`. */
  prefix?: string;
}

export const DEFAULT_PREFIX = '/ai';

// Literal path segments only: no `:param`, no wildcard, no `.` or `..`, and never
// `/` alone, whose JSON 404 would answer for every route of the host app.
const PREFIX = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;

/** Returns `prefix` if it is such a literal path; throws a TypeError otherwise. */
export function checkPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) {
    throw new TypeError('prefix must be a literal path such as /ai: a leading slash, no trailing slash, not / alone');
  }
  return prefix;
}
