import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { audit } from '../../src/doctor/audit.ts';
import { layersFor } from '../../src/layers/select.ts';
import { FRAMEWORKS_BY_RUNTIME, PACKAGE_MANAGERS_BY_RUNTIME, PROVIDERS, type Runtime } from '../../src/options/catalog.ts';
import { parseOptions } from '../../src/options/schema.ts';
import { plan } from '../../src/plan/plan.ts';
import { loadTemplates } from '../../src/templates/source.ts';
import { TEMPLATES } from '../support/paths.ts';
import { gitIn } from '../support/doctor-repo.ts';
import { tempDir } from '../support/temp-dir.ts';

const combinations = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks.flatMap((framework) => PROVIDERS.map((provider) => ({ runtime: runtime as Runtime, framework, provider }))),
);

/** Writes exactly what the generator would for this combination (not yet in git). */
async function writeStarter(combination: (typeof combinations)[number]): Promise<string> {
  const root = await tempDir('csaa-starter-');
  const options = parseOptions({ directory: 'app', name: 'app', ...combination, packageManager: PACKAGE_MANAGERS_BY_RUNTIME[combination.runtime][0], install: false, git: true, conflict: 'abort' });
  const layers = layersFor(options);
  const thePlan = plan(options, layers, await loadTemplates(TEMPLATES, layers.map((layer) => layer.id)), { targetDir: root, exists: false, isCurrentDirectory: false, insideGitWorkTree: false });
  for (const file of thePlan.files) {
    await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
    await writeFile(path.join(root, file.path), file.content);
  }
  return root;
}

/** Commits the folder as the first commit of a new repository, as the generator's git step does. */
function commitAll(root: string): void {
  gitIn(root, 'init', '-q', '-b', 'main');
  gitIn(root, 'add', '-A');
  gitIn(root, 'commit', '-q', '-m', 'starter');
}

describe('every generated starter audits clean', () => {
  for (const combination of combinations) {
    test(`${combination.runtime}/${combination.framework}/${combination.provider}`, async () => {
      const root = await writeStarter(combination);
      // Before git init the folder is walked and .gitignore read by doctor's own matcher; after, git answers.
      const asFolder = await audit(root);
      assert.equal(asFolder.scope, 'folder');
      commitAll(root);
      const inGit = await audit(root);
      assert.equal(inGit.scope, 'git');
      for (const result of [asFolder, inGit]) {
        assert.ok(result.filesScanned > 10, `scanned ${result.filesScanned} files`);
        assert.deepEqual(result.findings, [], `no findings (${result.scope})`);
        assert.equal(result.waived, 0, 'nothing needed a doctor-ignore marker');
      }
      assert.equal(asFolder.filesScanned, inGit.filesScanned, 'the same files either way');
    });
  }
});
