import { firstOfEach, splitNameAt, type LockedPackage, type LockfileParser } from './locked-package.ts';

/**
 * An entry's header: unindented, ending with `:`, one or more descriptors separated by
 * `, `, each quoted or not. Classic: `openai@^4.0.0, openai@^4.20.0:`; berry:
 * `"openai@npm:^4.77.0":`.
 */
const HEADER = /^([^\s#][^\n]*):[ \t]*$/gm;
/** The entry's version, two spaces in: classic `  version "4.104.0"`, berry `  version: 4.104.0`. */
const VERSION = /^ {2}version:?[ \t]+"?([^"\s]+)"?[ \t]*$/m;

/** `yarn.lock` of yarn classic (v1) and berry (v2+). */
export const parseYarnLock: LockfileParser = (text, wanted) => {
  const found: LockedPackage[] = [];
  const headers = [...text.matchAll(HEADER)];
  headers.forEach((header, index) => {
    const firstDescriptor = header[1]!.split(',')[0]!.trim().replace(/^"|"$/g, '');
    const name = descriptorName(firstDescriptor);
    if (name === undefined || !wanted(name)) return;
    const bodyStart = header.index + header[0].length;
    const bodyEnd = headers[index + 1]?.index ?? text.length;
    const version = VERSION.exec(text.slice(bodyStart, bodyEnd))?.[1];
    if (version !== undefined) found.push({ name, version, offset: header.index });
  });
  return firstOfEach(found);
};

/**
 * The package a descriptor installs: `openai@^4` and `openai@npm:^4` -> `openai`; an
 * alias `my-openai@npm:openai@^4` -> `openai`.
 */
function descriptorName(descriptor: string): string | undefined {
  const parts = splitNameAt(descriptor);
  if (!parts) return undefined;
  const aliased = parts.version.startsWith('npm:') ? splitNameAt(parts.version.slice('npm:'.length)) : undefined;
  return aliased?.name ?? parts.name;
}
