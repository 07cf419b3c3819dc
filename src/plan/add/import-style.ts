/**
 * How relative imports end in the files we add, so they resolve the way the host
 * project resolves its own code:
 * - `ts`: `./client.ts`, run by Node >= 22.18 as is (JavaScript projects, and
 *   TypeScript ones with allowImportingTsExtensions);
 * - `js`: `./client.js`, TypeScript's form for projects compiled by tsc;
 * - `none`: `./client`, for bundlers (Next.js), which do not map `.js` to `.ts`.
 */
export type ImportStyle = 'ts' | 'js' | 'none';

const SUFFIX: Record<ImportStyle, string> = { ts: '.ts', js: '.js', none: '' };

/** `./ai/client.ts` in the given style. */
export const styledSpecifier = (specifier: string, style: ImportStyle): string => specifier.replace(/\.ts$/, SUFFIX[style]);
