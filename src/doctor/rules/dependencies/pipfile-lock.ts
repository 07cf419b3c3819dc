import { firstOfEach, isObject, normalizePythonName, parseJson, type LockedPackage, type LockfileParser } from './locked-package.ts';

/** `Pipfile.lock` (JSON): `default` and `develop` map names to `{ "version": "==1.2.3", ... }`. */
export const parsePipfileLock: LockfileParser = (text, wanted) => {
  const lock = parseJson(text);
  if (!isObject(lock)) return [];
  const found: LockedPackage[] = [];
  for (const section of [lock.default, lock.develop]) {
    if (!isObject(section)) continue;
    for (const [key, entry] of Object.entries(section)) {
      const name = normalizePythonName(key);
      // Git and path entries have no version; only an exact `==` pin is what gets installed.
      if (!wanted(name) || !isObject(entry) || typeof entry.version !== 'string' || !entry.version.startsWith('==')) continue;
      const offset = text.indexOf(`${JSON.stringify(key)}:`);
      found.push({ name, version: entry.version.slice(2).replace(/^=/, ''), offset: offset === -1 ? undefined : offset });
    }
  }
  return firstOfEach(found);
};
