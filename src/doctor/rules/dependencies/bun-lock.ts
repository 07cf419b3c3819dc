import { firstOfEach, splitNameAt, type LockedPackage, type LockfileParser } from './locked-package.ts';

/**
 * A package of the text `bun.lock` (JSONC with trailing commas, so not JSON.parse'd),
 * one a line: `"openai": ["openai@4.104.0", "", {...}, "sha512-..."],`. The key is an
 * install path (`"@langchain/openai/openai"` for a nested copy); the array's first string
 * names the package itself. Workspace, git and file entries have no registry version and
 * are dropped by the rule's version check. The binary `bun.lockb` is not read.
 */
const PACKAGE_LINE = /^[ \t]*"[^"\n]+"[ \t]*:[ \t]*\[[ \t]*"([^"\n]+)"/gm;

export const parseBunLock: LockfileParser = (text, wanted) => {
  const found: LockedPackage[] = [];
  for (const match of text.matchAll(PACKAGE_LINE)) {
    const parts = splitNameAt(match[1]!);
    if (parts && wanted(parts.name)) found.push({ ...parts, offset: match.index });
  }
  return firstOfEach(found);
};
