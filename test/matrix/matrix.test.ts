import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FRAMEWORKS_BY_RUNTIME, PROVIDERS } from '../../src/options/catalog.ts';
import { assertCombinationPasses, slug, type Combination } from '../support/generated-project.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const combinations: Combination[] = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks.flatMap((framework) => PROVIDERS.map((provider) => ({ runtime, framework, provider }))),
);

describe('every combination installs and passes every check of its own (npm run check; ruff and pytest)', () => {
  for (const combination of combinations) {
    test(slug(combination), async (t) => {
      const parent = await tempDir();
      t.diagnostic(await assertCombinationPasses(parent, combination));
      // Installed and tested, lockfile included: doctor has nothing to say about it.
      const doctor = await runCli(['doctor', slug(combination), '--json'], { cwd: parent });
      assert.equal(doctor.exitCode, 0, doctor.stdout + doctor.stderr);
      assert.deepEqual(JSON.parse(doctor.stdout).findings, []);
    });
  }
});
