import { isEnvFile } from '../../../workspace/git-state.ts';
import { findKeys } from '../../secrets/key-shapes.ts';
import type { Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { isEnvTemplate } from '../env/env-files.ts';

/**
 * Not scanned here: env files have their own rules (a tracked `.env` is reported whole,
 * an env template's values by env-example-real-value), and lockfiles hold hashes and
 * URLs that nobody writes a key into.
 */
const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|deno\.lock|poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|Cargo\.lock|composer\.lock|Gemfile\.lock|go\.sum)$/;

export const hardcodedKey: Rule = {
  id: 'hardcoded-key',
  title: 'AI provider key in a file',
  severity: 'high',
  why: 'Anyone who can read the repository (collaborators, CI logs, forks, a leaked clone, the public if it is ever published) can call the API with this key and spend on your account. Deleting the line does not help: git history keeps it.',
  fix: "Revoke the key in the provider's console and create a new one. Read it from an environment variable (set in .env, which git ignores) through the app's validated config. If the repository was ever shared, the old key is burned even after you rewrite history. A fake key in a test may stay when its line or the line above says `doctor-ignore: hardcoded-key`.",
  ignorable: 'test-files',
  check(repository) {
    return repository.files
      .filter((file) => !isEnvFile(file) && !isEnvTemplate(file) && !LOCKFILE.test(file))
      .flatMap((file) => {
        const text = repository.text(file);
        if (text === undefined) return [];
        return findKeys(text).map((key) => findingOf(hardcodedKey, file, `${key.provider} key ${key.masked}`, positionOf(text, key.index)));
      });
  },
};
