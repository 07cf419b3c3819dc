import { firstOfEach, type LockedPackage, type LockfileParser } from './locked-package.ts';

/**
 * A package key of `pnpm-lock.yaml`, two spaces in, under `packages:` (and v9's
 * `snapshots:`), quoted when scoped:
 * - v9: `openai@4.104.0:`, `'@langchain/openai@0.3.17(@langchain/core@0.3.80)':`
 * - v6: `/openai@4.104.0(zod@3.25.76):`
 * - v5: `/openai/3.3.0:`, `/ts-node/10.9.1_typescript@4.9.5:`
 * Importer keys (`.:`, `packages/app:`) and dependency names have no `@version` after
 * the name and do not match; tarball and git keys do not start their version with a digit.
 */
const PACKAGE_KEY = /^ {2}'?(?:\/?((?:@[^\s'@/()]+\/)?[^\s'@/()]+)@|\/((?:@[^\s'@/()]+\/)?[^\s'@/()]+)\/)(\d[0-9A-Za-z.+-]*)[('_:]/gm;

export const parsePnpmLock: LockfileParser = (text, wanted) => {
  const found: LockedPackage[] = [];
  for (const match of text.matchAll(PACKAGE_KEY)) {
    const name = match[1] ?? match[2]!;
    if (wanted(name)) found.push({ name, version: match[3]!, offset: match.index });
  }
  return firstOfEach(found);
};
