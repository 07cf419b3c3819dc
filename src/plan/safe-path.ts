const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Every path in a plan is relative, POSIX, and stays inside the target directory.
 * Checked when the plan is built, so a bad template or name can never reach the disk.
 */
export function assertSafeRelativePath(filePath: string): void {
  const problem =
    filePath === '' ? 'is empty'
    : filePath.startsWith('/') || /^[a-zA-Z]:/.test(filePath) ? 'is absolute'
    : filePath.includes('\\') ? 'contains a backslash'
    : CONTROL_CHARACTER.test(filePath) ? 'contains a control character'
    : filePath.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ? 'has an empty, . or .. segment'
    : undefined;
  if (problem) throw new Error(`refusing plan path ${JSON.stringify(filePath)}: it ${problem}`);
}

/** Every path safe, and no path written twice (each output path belongs to one layer). */
export function assertPlanPaths(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const filePath of paths) {
    assertSafeRelativePath(filePath);
    if (seen.has(filePath)) throw new Error(`${filePath} is planned twice`);
    seen.add(filePath);
  }
}
