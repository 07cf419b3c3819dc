/**
 * How far behind counts as "far", in release lines (the unit in which an SDK ships
 * breaking changes):
 * - from 1.0 on, a line is a major: one full major behind is flagged, since these SDKs
 *   get fixes (security ones included) only on their current major, and a new major is
 *   when they drop the old API surface;
 * - before 1.0, semver (and npm's `^`) treats each 0.minor as a major, but 0.x SDKs ship a
 *   minor every few weeks: one or two behind is routine, not neglect. Ten 0.x minors is
 *   several months of releases, about the life of one major of these SDKs after 1.0.
 *   (No SDK in the table is 0.x today; this keeps the rule sound when one is added.)
 */
export const ZERO_X_MINORS_BEHIND = 10;

export interface Behind {
  count: number;
  unit: 'major' | 'minor';
  /** The current line as shown: `7`, or `0.22` for a 0.x SDK. */
  currentLine: string;
}

/**
 * `4.104.0`, `1.0.0-beta.2`, `0.28.1.post1`, `1.0.0rc1`: major and minor. Undefined for
 * anything else (a range, a wildcard, a URL, a Python epoch): never guessed from.
 */
export function parseRelease(version: string): { major: number; minor: number } | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.\d+)*(?:[-+._]?[0-9A-Za-z][0-9A-Za-z.+-]*)?$/.exec(version);
  return match ? { major: Number(match[1]), minor: Number(match[2] ?? 0) } : undefined;
}

/** How far `resolved` is behind `current`, or undefined when it is not far behind (or unreadable). */
export function howFarBehind(resolved: string, current: string): Behind | undefined {
  const have = parseRelease(resolved);
  const latest = parseRelease(current);
  if (!have || !latest) return undefined;
  if (latest.major >= 1) {
    const count = latest.major - have.major;
    return count >= 1 ? { count, unit: 'major', currentLine: `${latest.major}` } : undefined;
  }
  if (have.major > 0) return undefined;
  const count = latest.minor - have.minor;
  return count >= ZERO_X_MINORS_BEHIND ? { count, unit: 'minor', currentLine: `0.${latest.minor}` } : undefined;
}
