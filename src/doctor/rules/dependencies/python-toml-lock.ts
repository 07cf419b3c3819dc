import { firstOfEach, normalizePythonName, type LockedPackage, type LockfileParser } from './locked-package.ts';

/** A table header, unindented: `[[package]]`, `[package.dependencies]`, `[metadata]`. */
const TABLE_HEADER = /^\[\[?[^\]\n]*\]\]?[ \t]*$/gm;
/** `name = "openai"`, `version = "0.28.1"`, `source = { editable = "." }`, unindented. */
const KEY = /^(name|version|source)[ \t]*=[ \t]*([^\n]*)$/gm;
/** uv's own project (and workspace members) are not installed from an index. */
const LOCAL_SOURCE = /\b(editable|virtual|directory|path)\b/;

/**
 * `poetry.lock`, `uv.lock` and `pdm.lock`: TOML with one `[[package]]` table per locked
 * package, its `name` and `version` as plain strings. Read line by line (no TOML parser
 * in src/): only keys written directly in a `[[package]]` table count.
 */
export const parsePythonTomlLock: LockfileParser = (text, wanted) => {
  const found: LockedPackage[] = [];
  const headers = [...text.matchAll(TABLE_HEADER)];
  headers.forEach((header, index) => {
    if (header[0].trim() !== '[[package]]') return;
    const body = text.slice(header.index, headers[index + 1]?.index ?? text.length);
    const keys = new Map<string, { value: string; at: number }>();
    for (const key of body.matchAll(KEY)) if (!keys.has(key[1]!)) keys.set(key[1]!, { value: key[2]!.trim(), at: key.index });
    const name = stringValue(keys.get('name')?.value);
    const version = stringValue(keys.get('version')?.value);
    if (name === undefined || version === undefined || LOCAL_SOURCE.test(keys.get('source')?.value ?? '')) return;
    const normalized = normalizePythonName(name);
    if (wanted(normalized)) found.push({ name: normalized, version, offset: header.index + keys.get('name')!.at });
  });
  return firstOfEach(found);
};

/** `"openai"` -> `openai`; anything but a plain basic string is not understood. */
const stringValue = (value: string | undefined): string | undefined => /^"([^"\\]*)"$/.exec(value ?? '')?.[1];
