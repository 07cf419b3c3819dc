import { firstOfEach, normalizePythonName, type LockedPackage, type LockfileParser } from './locked-package.ts';

/**
 * An exact pin, one a line: `openai==0.28.1`, `openai[datalib] == 0.28.1 ; python_version
 * >= "3.8"`, `openai===0.28.1`, `openai==0.28.1 \` (hashes on the next lines). Ranges
 * (`>=`, `~=`, `<`), wildcards (`==0.28.*`) and several specifiers are not what gets
 * installed: they are skipped, never guessed from.
 */
const PIN = /^[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*===?[ \t]*([0-9][0-9A-Za-z.!+-]*)[ \t]*(?=$|[;#\\])/gm;

/** `requirements.txt`, `requirements-dev.txt`, `requirements/base.txt`: pins only. */
export const parseRequirementsTxt: LockfileParser = (text, wanted) => {
  const found: LockedPackage[] = [];
  for (const match of text.matchAll(PIN)) {
    const name = normalizePythonName(match[1]!);
    if (wanted(name)) found.push({ name, version: match[2]!, offset: match.index });
  }
  return firstOfEach(found);
};
