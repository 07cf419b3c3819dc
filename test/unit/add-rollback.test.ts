import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyPlan } from '../../src/apply/apply.ts';
import { preflight } from '../../src/apply/preflight.ts';
import { resolveConflicts } from '../../src/apply/resolve-conflicts.ts';
import { layersFor } from '../../src/layers/select.ts';
import { parseOptions } from '../../src/options/schema.ts';
import { plan } from '../../src/plan/plan.ts';
import type { FileOp } from '../../src/plan/types.ts';
import { loadTemplates } from '../../src/templates/source.ts';
import { snapshotWorkspace } from '../../src/workspace/snapshot.ts';
import { FIXTURES } from '../fixtures/existing-projects.ts';
import { materialize, readText, snapshotProject } from '../support/existing-project.ts';
import { TEMPLATES } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The real addition to a fixture, as the CLI would plan it. */
async function plannedAddition(fixtureName: string) {
  const root = await materialize(await tempDir(), FIXTURES.find((fixture) => fixture.name === fixtureName)!);
  const workspace = await snapshotWorkspace('.', root);
  assert.ok(workspace.project, 'detected as an existing project');
  const options = parseOptions({ directory: '.', name: 'x', runtime: 'node', framework: workspace.project.framework, provider: 'openai', packageManager: 'npm', install: false, git: false, conflict: 'abort' });
  const layers = layersFor(options, true);
  const thePlan = plan(options, layers, await loadTemplates(TEMPLATES, layers.map((layer) => layer.id)), workspace);
  return { root, workspace, files: thePlan.files };
}

describe('adding is all or nothing', () => {
  test('a write failing after the merges restores every file exactly, content and mode', async () => {
    const { root, workspace, files } = await plannedAddition('express-ts');
    const before = await snapshotProject(root);
    // A name longer than any filesystem allows: preflight sees no file there, the write fails.
    const failing: FileOp = { type: 'create', path: `src/${'x'.repeat(300)}.ts`, content: '' };
    const resolved = await resolveConflicts(await preflight(root, [...files, failing]), 'abort', undefined);
    assert.deepEqual(resolved.filter((entry) => entry.action === 'update').map((entry) => entry.path), ['.gitignore', 'package.json'], 'the shared files are merged before the failure');
    await assert.rejects(applyPlan(workspace, resolved, new AbortController().signal), /ENAMETOOLONG|name too long/i);
    assert.deepEqual(await snapshotProject(root), before);
  });

  test('a cancel midway undoes the merges and the files already written', async () => {
    const { root, workspace, files } = await plannedAddition('crlf-gitignore');
    const before = await snapshotProject(root);
    const resolved = await resolveConflicts(await preflight(root, files), 'abort', undefined);
    let checks = 0;
    const cancelAfterTenFiles = { get aborted() { return ++checks > 10; } } as AbortSignal;
    await assert.rejects(applyPlan(workspace, resolved, cancelAfterTenFiles), /Cancelled/);
    assert.deepEqual(await snapshotProject(root), before);
    assert.equal(await readText(root, '.gitignore'), FIXTURES.find((fixture) => fixture.name === 'crlf-gitignore')!.files['.gitignore']);
  });
});
