import { firstOfEach, isObject, parseJson, splitNameAt, type LockedPackage, type LockfileParser } from './locked-package.ts';

/** After `"name":` in a v1 lockfile: the entry object, whose first field is its version. */
const V1_ENTRY_VERSION = /\s*\{\s*"version"\s*:\s*"([^"]*)"/y;

/**
 * `package-lock.json` and `npm-shrinkwrap.json`. Versions 2 and 3 list every installed
 * copy under `packages` by path (`node_modules/a/node_modules/openai`); version 1 nests
 * `dependencies` objects. A v2 file holds both: `packages` is the one read then.
 */
export const parsePackageLock: LockfileParser = (text, wanted) => {
  const lock = parseJson(text);
  if (!isObject(lock)) return [];
  const found = isObject(lock.packages) ? fromPackages(text, lock.packages, wanted) : isObject(lock.dependencies) ? fromV1Dependencies(text, lock.dependencies, wanted) : [];
  return firstOfEach(found);
};

function fromPackages(text: string, packages: Record<string, unknown>, wanted: (name: string) => boolean): LockedPackage[] {
  const found: LockedPackage[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    // '' is the project itself and workspace folders have no node_modules/ in their path.
    const installedAs = path.lastIndexOf('node_modules/');
    if (installedAs === -1 || !isObject(entry) || typeof entry.version !== 'string' || entry.link === true) continue;
    // An alias (`"my-openai": "npm:openai@4"`) is installed under its alias with the real `name`.
    const name = typeof entry.name === 'string' ? entry.name : path.slice(installedAs + 'node_modules/'.length);
    if (!wanted(name)) continue;
    const offset = text.indexOf(`${JSON.stringify(path)}:`);
    found.push({ name, version: entry.version, offset: offset === -1 ? undefined : offset });
  }
  return found;
}

function fromV1Dependencies(text: string, dependencies: Record<string, unknown>, wanted: (name: string) => boolean): LockedPackage[] {
  const found: LockedPackage[] = [];
  const visit = (level: Record<string, unknown>) => {
    for (const [key, entry] of Object.entries(level)) {
      if (!isObject(entry)) continue;
      if (typeof entry.version === 'string') {
        // An alias records `npm:openai@4.0.0` as its version.
        const aliased = entry.version.startsWith('npm:') ? splitNameAt(entry.version.slice('npm:'.length)) : undefined;
        const name = aliased?.name ?? key;
        const version = aliased?.version ?? entry.version;
        if (wanted(name)) found.push({ name, version, offset: v1EntryOffset(text, key, entry.version) });
      }
      if (isObject(entry.dependencies)) visit(entry.dependencies);
    }
  };
  visit(dependencies);
  return found;
}

/** Where `"key": { "version": "<version>"` is written (a nested copy shares the key). */
function v1EntryOffset(text: string, key: string, version: string): number | undefined {
  const quotedKey = `${JSON.stringify(key)}:`;
  for (let at = text.indexOf(quotedKey); at !== -1; at = text.indexOf(quotedKey, at + 1)) {
    V1_ENTRY_VERSION.lastIndex = at + quotedKey.length;
    if (V1_ENTRY_VERSION.exec(text)?.[1] === version) return at;
  }
  return undefined;
}
