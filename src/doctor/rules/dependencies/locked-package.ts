/** One package a lockfile resolves, at one exact version. */
export interface LockedPackage {
  /** The package's registry name (an npm alias is resolved to the real package). */
  name: string;
  /** Exactly as the lockfile records it (`4.104.0`, `1.0.0rc1`). */
  version: string;
  /** 0-based offset of the package's entry in the lockfile's text; undefined if not found. */
  offset: number | undefined;
}

/**
 * Reads one lockfile format. Only packages `wanted` by name are returned (the rest of a
 * large lockfile is skipped cheaply). A parser never throws and never guesses: text it
 * does not understand yields nothing.
 */
export type LockfileParser = (text: string, wanted: (name: string) => boolean) => LockedPackage[];

/** PEP 503: `Google_GenerativeAI` and `google.generativeai` name `google-generativeai`. */
export const normalizePythonName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** `JSON.parse`, or undefined for text that is not JSON (a conflicted or truncated lockfile). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `openai@4.0.0` -> { name: 'openai', version: '4.0.0' }; `@anthropic-ai/sdk@0.30.1` keeps
 * its scope. Undefined when there is no `@` after the name.
 */
export function splitNameAt(spec: string): { name: string; version: string } | undefined {
  const at = spec.indexOf('@', 1);
  if (at <= 0) return undefined;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

/** Keeps the first entry of each name@version (a lockfile may list one package twice). */
export function firstOfEach(packages: LockedPackage[]): LockedPackage[] {
  const seen = new Set<string>();
  return packages.filter((locked) => {
    const key = `${locked.name}@${locked.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
