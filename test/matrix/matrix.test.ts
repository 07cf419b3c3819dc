import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FRAMEWORKS_BY_RUNTIME, PROVIDERS } from '../../src/options/catalog.ts';
import { generateProject, npmIn, slug, type Combination } from '../support/generated-project.ts';
import { tempDir } from '../support/temp-dir.ts';

const combinations: Combination[] = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks.flatMap((framework) => PROVIDERS.map((provider) => ({ runtime, framework, provider }))),
);

/** Counts installed packages (node_modules entries, scoped ones included) to keep trees small. */
async function packageCount(directory: string): Promise<number> {
  const top = await readdir(path.join(directory, 'node_modules')).catch(() => [] as string[]);
  let count = 0;
  for (const entry of top) {
    if (entry.startsWith('.')) continue;
    count += entry.startsWith('@') ? (await readdir(path.join(directory, 'node_modules', entry))).length : 1;
  }
  return count;
}

describe('every combination installs and passes its own npm run check', () => {
  for (const combination of combinations) {
    test(slug(combination), async (t) => {
      const parent = await tempDir();
      const started = Date.now();
      const { run, directory } = await generateProject(parent, combination, { install: true });
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      assert.deepEqual(JSON.parse(run.stdout).steps, ['npm install']);
      const installSeconds = (Date.now() - started) / 1000;
      const check = await npmIn(directory, ['run', 'check']);
      assert.equal(check.exitCode, 0, check.output.slice(-6000));
      assert.match(check.output, /\bpass [1-9]\d*\b/, 'tests actually ran');
      assert.match(check.output, /\bskipped 0\b/);
      t.diagnostic(`${slug(combination)}: install ${installSeconds.toFixed(1)} s, check ${check.seconds.toFixed(1)} s, ${await packageCount(directory)} packages`);
    });
  }
});
