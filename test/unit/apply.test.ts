import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { applyPlan } from '../../src/apply/apply.ts';
import { preflight } from '../../src/apply/preflight.ts';
import { resolveConflicts } from '../../src/apply/resolve-conflicts.ts';
import type { FileOp } from '../../src/plan/types.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

const ops: FileOp[] = [
  { type: 'create', path: 'a.txt', content: 'new a' },
  { type: 'create', path: 'deep/b.txt', content: 'new b' },
  { type: 'create', path: 'deep/c.txt', content: 'new c' },
];

async function existingFolder() {
  const root = await tempDir();
  await writeFile(path.join(root, 'a.txt'), 'original a');
  await chmod(path.join(root, 'a.txt'), 0o600);
  return root;
}

const workspaceOf = (targetDir: string, exists: boolean) => ({ targetDir, exists, isCurrentDirectory: false, insideGitWorkTree: false });

describe('apply', () => {
  test('rollback restores replaced files byte for byte, with their mode, and removes what it made', async () => {
    const root = await existingFolder();
    const before = await snapshotTree(root);
    const resolved = await resolveConflicts(await preflight(root, ops), 'overwrite', undefined);
    const applied = await applyPlan(workspaceOf(root, true), resolved, new AbortController().signal);
    assert.equal(await readFile(path.join(root, 'a.txt'), 'utf8'), 'new a');
    await applied.rollback();
    assert.deepEqual(await snapshotTree(root), before);
  });

  test('a cancel during writing undoes the files already written', async () => {
    const root = await existingFolder();
    const before = await snapshotTree(root);
    const resolved = await resolveConflicts(await preflight(root, ops), 'overwrite', undefined);
    // Reads as "not aborted" for the first file only: the cancel lands mid-way, deterministically.
    let checks = 0;
    const cancelAfterFirstFile = { get aborted() { return ++checks > 1; } } as AbortSignal;
    await assert.rejects(applyPlan(workspaceOf(root, true), resolved, cancelAfterFirstFile), /Cancelled/);
    assert.equal(checks, 2);
    assert.deepEqual(await snapshotTree(root), before);
  });

  test('a failing write in a new folder leaves no folder and no staging leftovers', async () => {
    const parent = await tempDir();
    const target = path.join(parent, 'new', 'app');
    const broken: FileOp[] = [...ops, { type: 'create', path: 'deep/b.txt/impossible', content: 'x' }];
    const resolved = await resolveConflicts(await preflight(target, broken), 'abort', undefined);
    await assert.rejects(applyPlan(workspaceOf(target, false), resolved, new AbortController().signal));
    assert.deepEqual(await snapshotTree(parent), {});
  });

  test('a symlinked folder inside the target is never written through', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await mkdir(path.join(root, 'x'));
    const { symlink } = await import('node:fs/promises');
    await symlink(outside, path.join(root, 'deep'));
    const classified = await preflight(root, ops);
    await assert.rejects(resolveConflicts(classified, 'overwrite', undefined), (error: Error & { details?: string[] }) =>
      (error.details ?? []).some((line) => line.includes('deep is a symbolic link')),
    );
    assert.deepEqual(await snapshotTree(outside), {});
  });

  test('paths guarded before an install are put back: a changed lockfile restored, a new node_modules removed', async () => {
    const root = await existingFolder();
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    const before = await snapshotTree(root);
    const resolved = await resolveConflicts(await preflight(root, ops), 'overwrite', undefined);
    const applied = await applyPlan(workspaceOf(root, true), resolved, new AbortController().signal);
    await applied.guard(['package-lock.json', 'yarn.lock', 'node_modules']);
    // What a package manager does: rewrite the lockfile, fill node_modules.
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {}}\n');
    await mkdir(path.join(root, 'node_modules', 'zod'), { recursive: true });
    await writeFile(path.join(root, 'node_modules', 'zod', 'index.js'), '');
    await applied.rollback();
    assert.deepEqual(await snapshotTree(root), before);
  });
});
