import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FRAMEWORKS_BY_RUNTIME, PROVIDERS } from '../../src/options/catalog.ts';
import { assertCombinationPasses, slug, type Combination } from '../support/generated-project.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The fast tier of the matrix, in every `npm test`: each framework once and each
 * provider at least once, by walking the providers round-robin. (express + openai is
 * also taken end to end, with mutations, in generated-project.test.ts.)
 */
const tier: Combination[] = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks
    .filter((framework) => framework !== 'express')
    .map((framework, index) => ({ runtime, framework, provider: PROVIDERS[(index + 1) % PROVIDERS.length]! })),
);

describe('fast tier: one project per framework, every provider covered', () => {
  test('the tier covers every framework and every provider', () => {
    const covered = [...tier, { runtime: 'node', framework: 'express', provider: 'openai' }];
    assert.deepEqual(new Set(covered.map((c) => c.framework)), new Set(Object.values(FRAMEWORKS_BY_RUNTIME).flat()));
    assert.deepEqual(new Set(covered.map((c) => c.provider)), new Set(PROVIDERS));
  });

  for (const combination of tier) {
    test(slug(combination), async (t) => {
      t.diagnostic(await assertCombinationPasses(await tempDir(), combination));
    });
  }
});
