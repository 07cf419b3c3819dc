import type { Rule } from '../../types.ts';
import { findingOf } from '../define-rule.ts';
import { isEnvTemplate, realLookingValues } from './env-files.ts';

export const envExampleRealValue: Rule = {
  id: 'env-example-real-value',
  title: 'Real-looking secret in an env template',
  severity: 'high',
  why: 'Env templates (`.env.example`, `.env.sample`...) are committed and copied on purpose, so a real key pasted into one is published with the repository and spread into every copy made from it.',
  fix: "Revoke the key in the provider's console and create a new one for your own `.env` (which git ignores). Leave the template's secret values empty (`OPENAI_API_KEY=`), with a comment saying where to get one. A fake key in a test fixture may stay when its line or the line above says `doctor-ignore: env-example-real-value`.",
  ignorable: 'test-files',
  check(repository) {
    return repository.files.filter(isEnvTemplate).flatMap((file) => {
      const text = repository.text(file);
      return text === undefined ? [] : realLookingValues(text).map((value) => findingOf(this, file, value.message, value));
    });
  },
};
