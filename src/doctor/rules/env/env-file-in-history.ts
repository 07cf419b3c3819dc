import { isTestFile } from '../../scan/test-files.ts';
import type { Rule } from '../../types.ts';
import { findingOf } from '../define-rule.ts';
import { isSecretEnvFile } from './env-files.ts';

/**
 * Every `.env` and `.env.*` at any depth, relative to the audited folder (git reads a
 * pathspec from the current directory, which is the audited folder). Templates and
 * other names are dropped afterwards by isSecretEnvFile.
 */
const ENV_PATHSPECS = [':(glob)**/.env', ':(glob)**/.env.*'];

export const envFileInHistory: Rule = {
  id: 'env-file-in-history',
  title: 'Env file left in git history',
  severity: 'high',
  why: 'The file is no longer tracked, but a past commit added it: anyone with a clone, a fork or a backup can check out that commit and read the keys it held.',
  fix: "Revoke and re-create every key the file ever held first, in each provider's console: that alone makes the leak harmless. Then, if you want the file gone, rewrite history (`git filter-repo --invert-paths --path <file>`) and force-push every branch and tag, knowing that existing clones, forks and caches keep the old commits.",
  ignorable: 'anywhere',
  async check(repository) {
    const git = repository.git;
    if (!git) return [];
    const added = await git.everAdded(ENV_PATHSPECS);
    // A tracked env file is env-file-tracked's; a fixture's content cannot be read back here.
    return added
      .filter((file) => isSecretEnvFile(file) && !git.tracked.has(file) && !isTestFile(file))
      .map((file) => findingOf(this, file, `\`${file}\` was committed in the past and later untracked: git history still holds its contents`));
  },
};
