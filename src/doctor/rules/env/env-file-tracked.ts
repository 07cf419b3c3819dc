import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Repository, Rule } from '../../types.ts';
import { findingOf } from '../define-rule.ts';
import { envAssignments, isEncryptedByDotenvx, isSecretEnvFile, realLookingValues } from './env-files.ts';

/** At most this many variable names in a message; the rest are counted. */
const NAMES_SHOWN = 5;

/** "sets OPENAI_API_KEY, PORT": what a reader must rotate, without a single value. */
function whatItSets(text: string | undefined): string {
  const names = envAssignments(text ?? '').filter((assignment) => assignment.value !== '').map((assignment) => assignment.name);
  if (names.length === 0) return 'sets no value yet, but the next one written to it will be committed';
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return `sets ${names.slice(0, NAMES_SHOWN).join(', ')}${more}`;
}

/**
 * A test fixture `.env` (a parser's test input, `FOO=bar`) is committed on purpose, so
 * only its real-looking values are reported, each on its line where a
 * `doctor-ignore: env-file-tracked` marker can waive a fake one.
 */
function checkFixture(rule: Rule, repository: Repository, file: string): Finding[] {
  const text = repository.text(file);
  if (text === undefined) return [];
  return realLookingValues(text).map((value) => findingOf(rule, file, `test fixture tracked by git: ${value.message}`, value));
}

export const envFileTracked: Rule = {
  id: 'env-file-tracked',
  title: 'Env file committed to git',
  severity: 'high',
  why: 'Every clone, fork, CI log and backup of the repository gets the keys in this file, and anyone who can read it can spend on your accounts. Removing the file later does not help: history keeps it.',
  fix: 'Run `git rm --cached -- <file>` (the file stays on disk), add `.env` and `.env.*` (with `!.env.example`) to .gitignore and commit both. Then revoke and re-create every key the file held, in each provider\'s console: history and every existing clone still have the old ones. Share variable names through `.env.example` with empty values instead.',
  ignorable: 'test-files',
  check(repository) {
    const tracked = repository.git?.tracked;
    if (!tracked) return [];
    return [...tracked]
      .filter(isSecretEnvFile)
      .sort()
      .flatMap((file) => {
        if (isTestFile(file)) return checkFixture(this, repository, file);
        const text = repository.text(file);
        if (text !== undefined && isEncryptedByDotenvx(envAssignments(text))) return [];
        return [findingOf(this, file, `\`${file}\` is tracked by git and ${whatItSets(text)}`)];
      });
  },
};
