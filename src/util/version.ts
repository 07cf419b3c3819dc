/** A runtime's minimum version, as the generated projects declare it. */
export interface MinimumVersion {
  major: number;
  minor: number;
}

/** `v22.18.0` or `3.11` against a minimum: true when at least that major.minor. */
export function meetsMinimum(version: string, minimum: MinimumVersion): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimum.major || (major === minimum.major && minor >= minimum.minor);
}
