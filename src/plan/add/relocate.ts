import path from 'node:path';
import { styledSpecifier, type ImportStyle } from './import-style.ts';

// Static imports and re-exports (`from '...'`), side-effect imports and dynamic import().
const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"\n]+)\2/g;

/** Relative specifiers a TypeScript file imports, as written. */
export const relativeImportsOf = (source: string): string[] => [...source.matchAll(RELATIVE_IMPORT)].map((match) => match[3]!);

/** The project path a relative specifier of `fromPath` points to. */
export const resolveSpecifier = (fromPath: string, specifier: string): string => path.posix.join(path.posix.dirname(fromPath), specifier);

/**
 * Rewrites the relative imports of a file that moves from `fromPath` to `toPath`, when
 * the files it imports move too (`moved` maps old project paths to new ones). The
 * result points at the same files from the new place, in the host's import style.
 */
export function relocateImports(source: string, fromPath: string, toPath: string, moved: ReadonlyMap<string, string>, style: ImportStyle): string {
  return source.replace(RELATIVE_IMPORT, (whole, lead: string, quote: string, specifier: string) => {
    const target = moved.get(resolveSpecifier(fromPath, specifier));
    if (target === undefined) throw new Error(`${fromPath} imports ${specifier}, which is not part of the added files`);
    let relative = path.posix.relative(path.posix.dirname(toPath), target);
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return `${lead}${quote}${styledSpecifier(relative, style)}${quote}`;
  });
}
