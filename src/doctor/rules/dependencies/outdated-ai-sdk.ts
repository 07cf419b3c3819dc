import path from 'node:path';
import { readText } from '../../scan/read-text.ts';
import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Repository, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { CURRENT_NPM_SDKS, CURRENT_PYPI_SDKS, REPLACED_NPM_SDKS, REPLACED_PYPI_SDKS } from './current-sdks.ts';
import { lockfileFormatOf, type Registry } from './lockfiles.ts';
import type { LockedPackage } from './locked-package.ts';
import { howFarBehind } from './release-lines.ts';

const TOOL = 'create-secure-ai-app';
const SDKS: Record<Registry, { current: Readonly<Record<string, string>>; replaced: Readonly<Record<string, string>> }> = {
  npm: { current: CURRENT_NPM_SDKS, replaced: REPLACED_NPM_SDKS },
  pypi: { current: CURRENT_PYPI_SDKS, replaced: REPLACED_PYPI_SDKS },
};
/** Repository.text stops at 1 MiB (source files); a real package-lock.json is often larger. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/**
 * Only what a lockfile resolves counts: a package.json range or a pyproject constraint
 * says what was asked for, not what is installed, and doctor never guesses a version.
 * A deprecated SDK is reported by this same rule: it is the furthest behind an SDK can
 * be (no release will ever fix it) and the fix is the same kind of upgrade.
 */
export const outdatedAiSdk: Rule = {
  id: 'outdated-ai-sdk',
  title: 'AI SDK far behind its current major',
  severity: 'medium',
  why: 'AI SDKs get fixes, security fixes included, only on their current major, and a deprecated SDK gets none: an app locked to an old line keeps every bug fixed since (in the SDK and in the HTTP libraries it pins), and breaks when the provider retires the APIs that line calls.',
  fix: "Upgrade to the current major (`npm install openai@latest`, `uv add openai@latest` or your package manager's equivalent) following the SDK's migration guide, or move a deprecated SDK to its replacement; if the old copy comes in through another package (an old @langchain/openai, say), upgrade that package. Commit the updated lockfile.",
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const file of repository.files) {
      const format = lockfileFormatOf(file);
      // A lockfile in a test fixture is a frozen sample, not what the project ships.
      if (!format || isTestFile(file)) continue;
      const text = lockfileText(repository, file);
      if (text === undefined) continue;
      const sdks = SDKS[format.registry];
      const wanted = (name: string) => name in sdks.current || name in sdks.replaced;
      for (const locked of format.parse(text, wanted)) {
        const message = messageFor(locked, file.slice(file.lastIndexOf('/') + 1), sdks.current[locked.name], sdks.replaced[locked.name]);
        if (message) findings.push(findingOf(outdatedAiSdk, file, message, locked.offset === undefined ? {} : { line: positionOf(text, locked.offset).line }));
      }
    }
    return findings;
  },
};

function messageFor(locked: LockedPackage, lockfileName: string, current: string | undefined, replacement: string | undefined): string | undefined {
  const what = `${locked.name} ${locked.version} in ${lockfileName}`;
  if (replacement) return `${what} is deprecated and gets no more fixes: its maintainers replaced it with ${replacement}`;
  const behind = current === undefined ? undefined : howFarBehind(locked.version, current);
  if (!behind) return undefined;
  const lines = `${behind.count} ${behind.unit}${behind.count === 1 ? '' : 's'}`;
  return `${what} is ${lines} behind ${behind.currentLine} (the current ${behind.unit === 'major' ? 'major' : 'line'} as of this release of ${TOOL})`;
}

/**
 * The lockfile's text with `\r\n` as `\n` (line-based parsers then see one kind of line
 * end; line numbers do not change). Larger than Repository.text's limit, it is read here
 * by the same function with a higher limit: a regular file only, never through a link.
 */
function lockfileText(repository: Repository, file: string): string | undefined {
  const text = repository.text(file) ?? readText(path.join(repository.root, ...file.split('/')), MAX_LOCKFILE_BYTES);
  return text?.replace(/\r\n?/g, '\n');
}
