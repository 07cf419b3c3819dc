import { firstOfEach, isObject, parseJson, splitNameAt, type LockedPackage, type LockfileParser } from './locked-package.ts';

/**
 * `deno.lock` (JSON). Its npm packages are keyed `openai@4.104.0` (v4 may add a peer
 * suffix, `openai@4.104.0_zod@3.25.76`), in the top-level `npm` object from v4 on, in
 * `packages.npm` in v3 and in `npm.packages` in v2.
 */
export const parseDenoLock: LockfileParser = (text, wanted) => {
  const lock = parseJson(text);
  if (!isObject(lock)) return [];
  const sections = [lock.npm, isObject(lock.packages) ? lock.packages.npm : undefined, isObject(lock.npm) ? lock.npm.packages : undefined];
  const found: LockedPackage[] = [];
  for (const section of sections) {
    if (!isObject(section)) continue;
    for (const key of Object.keys(section)) {
      const parts = splitNameAt(key);
      if (!parts || !wanted(parts.name)) continue;
      const offset = text.indexOf(`${JSON.stringify(key)}:`);
      found.push({ name: parts.name, version: parts.version.split('_')[0]!, offset: offset === -1 ? undefined : offset });
    }
  }
  return firstOfEach(found);
};
