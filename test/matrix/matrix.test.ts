import { describe, test } from 'node:test';
import { FRAMEWORKS_BY_RUNTIME, PROVIDERS } from '../../src/options/catalog.ts';
import { assertCombinationPasses, slug, type Combination } from '../support/generated-project.ts';
import { tempDir } from '../support/temp-dir.ts';

const combinations: Combination[] = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks.flatMap((framework) => PROVIDERS.map((provider) => ({ runtime, framework, provider }))),
);

describe('every combination installs and passes every check of its own (npm run check; ruff and pytest)', () => {
  for (const combination of combinations) {
    test(slug(combination), async (t) => {
      t.diagnostic(await assertCombinationPasses(await tempDir(), combination));
    });
  }
});
