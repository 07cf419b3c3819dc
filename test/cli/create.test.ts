import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

const OFFLINE = ['--yes', '--no-install', '--no-git'];
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

describe('creating a project without a terminal', () => {
  test('--dry-run prints every planned file and writes nothing', async () => {
    const cwd = await tempDir();
    const { exitCode, stdout } = await runCli(['app', '--dry-run', ...OFFLINE], { cwd });
    assert.equal(exitCode, 0);
    assert.match(stdout, /Dry run: nothing was written/);
    for (const file of ['package.json', '.env.example', '.gitignore', 'src/ai/client.ts', 'src/main.ts']) {
      assert.match(stdout, new RegExp(`create\\s+${file.replaceAll('.', '\\.')}\\n`));
    }
    assert.deepEqual(await snapshotTree(cwd), {});
  });

  test('--json prints exactly one object with the contract shape, and the files exist', async () => {
    const cwd = await tempDir();
    const { exitCode, stdout } = await runCli(['svc', '--framework', 'express', '--provider', 'anthropic', '--json', ...OFFLINE], { cwd });
    assert.equal(exitCode, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.ok, true);
    assert.equal(result.mode, 'create');
    assert.equal(result.directory, path.join(cwd, 'svc'));
    assert.deepEqual(
      { ...result.options, directory: undefined },
      { directory: undefined, name: 'svc', runtime: 'node', framework: 'express', provider: 'anthropic', packageManager: 'npm', install: false, git: false, conflict: 'abort' },
    );
    assert.ok(result.files.length > 10);
    for (const file of result.files) {
      assert.equal(file.action, 'create');
      await readFile(path.join(cwd, 'svc', file.path));
    }
    assert.ok(result.files.some((file: { path: string }) => file.path === 'src/server.ts'));
    assert.ok(result.nextSteps.some((step: string) => step.includes('ANTHROPIC_API_KEY')));
  });

  test('the name defaults to the folder name, and a nested new folder is created', async () => {
    const cwd = await tempDir();
    const { exitCode } = await runCli(['deep/er/my-app', ...OFFLINE], { cwd });
    assert.equal(exitCode, 0);
    const manifest = JSON.parse(await readFile(path.join(cwd, 'deep/er/my-app/package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-app');
  });

  test('running again changes nothing and reports every file identical', async () => {
    const cwd = await tempDir();
    assert.equal((await runCli(['app', ...OFFLINE], { cwd })).exitCode, 0);
    const before = await snapshotTree(cwd);
    const again = await runCli(['app', '--json', ...OFFLINE], { cwd });
    assert.equal(again.exitCode, 0);
    const actions = new Set(JSON.parse(again.stdout).files.map((file: { action: string }) => file.action));
    assert.deepEqual([...actions], ['identical']);
    assert.deepEqual(await snapshotTree(cwd), before);
  });
});

describe('a target folder that already holds files', () => {
  async function folderWithOwnFiles() {
    const cwd = await tempDir();
    const target = path.join(cwd, 'app');
    await mkdir(path.join(target, 'notes'), { recursive: true });
    await writeFile(path.join(target, 'README.md'), '# mine\n');
    await writeFile(path.join(target, 'notes', 'todo.txt'), 'keep me\n');
    return { cwd, target };
  }

  test('without --conflict it stops with exit 3, lists the conflicts and writes nothing', async () => {
    const { cwd, target } = await folderWithOwnFiles();
    const before = await snapshotTree(target);
    const { exitCode, stderr } = await runCli(['app', ...OFFLINE], { cwd });
    assert.equal(exitCode, 3);
    assert.match(stderr, /1 file already exists and differs; nothing was written/);
    assert.match(stderr, /^ {2}README\.md$/m);
    assert.match(stderr, /--conflict skip/);
    assert.deepEqual(await snapshotTree(target), before);
  });

  test('--json reports the conflict with code "conflict"', async () => {
    const { cwd } = await folderWithOwnFiles();
    const { exitCode, stdout } = await runCli(['app', '--json', ...OFFLINE], { cwd });
    assert.equal(exitCode, 3);
    assert.equal(JSON.parse(stdout).error.code, 'conflict');
  });

  test('--conflict skip keeps the user file and adds ours around it', async () => {
    const { cwd, target } = await folderWithOwnFiles();
    const { exitCode, stdout } = await runCli(['app', '--conflict', 'skip', '--json', ...OFFLINE], { cwd });
    assert.equal(exitCode, 0);
    assert.equal(await readFile(path.join(target, 'README.md'), 'utf8'), '# mine\n');
    assert.equal(await readFile(path.join(target, 'notes', 'todo.txt'), 'utf8'), 'keep me\n');
    const readme = JSON.parse(stdout).files.find((file: { path: string }) => file.path === 'README.md');
    assert.equal(readme.action, 'skip');
    await readFile(path.join(target, 'src', 'ai', 'client.ts'));
  });

  test('--conflict overwrite replaces it and never deletes anything else', async () => {
    const { cwd, target } = await folderWithOwnFiles();
    const { exitCode } = await runCli(['app', '--conflict', 'overwrite', ...OFFLINE], { cwd });
    assert.equal(exitCode, 0);
    assert.match(await readFile(path.join(target, 'README.md'), 'utf8'), /^# app/);
    assert.equal(await readFile(path.join(target, 'notes', 'todo.txt'), 'utf8'), 'keep me\n');
  });

  test('a folder where a file must go is a conflict that overwrite cannot resolve', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'app', 'package.json'), { recursive: true });
    const { exitCode, stderr } = await runCli(['app', '--conflict', 'overwrite', ...OFFLINE], { cwd });
    assert.equal(exitCode, 3);
    assert.match(stderr, /package\.json is a folder/);
  });
});

describe('git', () => {
  test('a new project gets a repository with one commit of exactly the generated files', async () => {
    const cwd = await tempDir();
    const { exitCode, stderr } = await runCli(['app', '--yes', '--no-install'], { cwd, env: GIT_IDENTITY });
    assert.equal(exitCode, 0, stderr);
    const target = path.join(cwd, 'app');
    const log = await execa('git', ['log', '--format=%s'], { cwd: target });
    assert.equal(log.stdout, 'Initial commit from create-secure-ai-app');
    assert.equal((await execa('git', ['status', '--porcelain'], { cwd: target })).stdout, '');
    const tracked = (await execa('git', ['ls-files'], { cwd: target })).stdout.split('\n');
    assert.ok(tracked.includes('.env.example') && tracked.includes('.gitignore'));
  });

  test('inside an existing work tree it does not create a nested repository', async () => {
    const cwd = await tempDir();
    await execa('git', ['init', '--quiet'], { cwd });
    const { exitCode } = await runCli(['app', '--yes', '--no-install'], { cwd, env: GIT_IDENTITY });
    assert.equal(exitCode, 0);
    assert.deepEqual(Object.keys(await snapshotTree(path.join(cwd, 'app'))).filter((entry) => entry.startsWith('.git/')), []);
  });
});
