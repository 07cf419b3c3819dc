import { lstatSync, readFileSync } from 'node:fs';

/** Larger files are data or bundles, not code someone wrote a key into by hand. */
export const MAX_TEXT_BYTES = 1024 * 1024;
const SNIFF_BYTES = 8000;

/**
 * A file's text, or undefined when it is missing, not a regular file, binary (a NUL
 * byte near the start, as git decides) or over `maxBytes`. Symbolic links are not
 * followed: one could point outside the repository (at ~/.ssh, say), and doctor reads
 * only the repository.
 */
export function readText(absolutePath: string, maxBytes = MAX_TEXT_BYTES): string | undefined {
  try {
    const stat = lstatSync(absolutePath);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const bytes = readFileSync(absolutePath);
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return undefined;
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
