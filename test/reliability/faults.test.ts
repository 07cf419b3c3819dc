import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { execa } from 'execa';
import { run } from '../../src/cli/run.ts';
import { FIXTURES } from '../fixtures/existing-projects.ts';
import { materialize, snapshotProject } from '../support/existing-project.ts';
import { withNodeLts } from '../support/generated-project.ts';
import { CLI, NODE_LTS_BIN_DIR } from '../support/paths.ts';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { pipIndexEnv } from '../support/python.ts';
import { tempDir } from '../support/temp-dir.ts';
import { Terminal } from '../support/terminal.ts';

/** npm with nothing to install from: an empty cache and a registry address where nothing listens. */
const broken = async () => ({ npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_cache: await tempDir('csaa-cache-') });

/** A folder on a tiny RAM file system, so a write really runs out of space. Undefined without mount rights. */
async function smallDisk(kilobytes: number): Promise<string | undefined> {
  const mountPoint = await tempDir('csaa-disk-');
  const mounted = await execa('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', mountPoint], { reject: false });
  if (mounted.exitCode !== 0) return undefined;
  after(() => execa('umount', [mountPoint], { reject: false }));
  return mountPoint;
}

/**
 * Starts the CLI without a terminal and sends `signal` once `marker` shows on its stdout
 * (and, if given, once `appears` exists: the install has begun writing).
 */
async function interruptWhen(args: readonly string[], cwd: string, marker: RegExp, signal: NodeJS.Signals, appears?: string, env: Record<string, string> = {}) {
  const child = execa(process.execPath, [CLI, ...args], { cwd, reject: false, env: { ...withNodeLts(), CI: undefined, ...env }, timeout: 120_000 });
  let sent = false;
  child.stdout!.on('data', async (chunk: Buffer) => {
    if (sent || !marker.test(chunk.toString())) return;
    sent = true;
    while (appears && !existsSync(appears) && child.exitCode === null) await sleep(20);
    child.kill(signal);
  });
  const result = await child;
  assert.ok(sent, `never saw ${marker}: ${result.stdout}${result.stderr}`);
  return result;
}

describe('faults: a clear message, the right exit code, the disk as it was (or the files kept and the retry command)', () => {
  test('the install fails (registry unreachable): exit 1, files kept, the exact retry command printed', async () => {
    const cwd = await tempDir();
    const result = await runCli(['app', '--yes', '--no-git', '--json'], { cwd, env: { ...withNodeLts(), ...(await broken()) } });
    assert.equal(result.exitCode, 1);
    const { error } = JSON.parse(result.stdout);
    assert.equal(error.code, 'install_failed');
    assert.match(error.message, /^npm install failed \(exit code \d+\); your files are kept$/);
    assert.equal(error.details.at(-1), 'To retry: cd app && npm install');
    assert.ok(Object.keys(await snapshotTree(path.join(cwd, 'app'))).includes('package.json'));
  });

  test('the package manager is not installed: exit 1, files kept, what to do printed', async () => {
    const cwd = await tempDir();
    const result = await runCli(['app', '--yes', '--no-git', '--package-manager', 'pnpm'], { cwd, env: { PATH: `${NODE_LTS_BIN_DIR}${path.delimiter}/usr/bin${path.delimiter}/bin` } });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /error: pnpm was not found on PATH, so dependencies were not installed; your files are kept/);
    assert.match(result.stderr, /then run: cd app && pnpm install/);
    assert.ok(Object.keys(await snapshotTree(path.join(cwd, 'app'))).includes('package.json'));
  });

  test('git is not installed: the project is written, git init is skipped with a warning, exit 0', async () => {
    const cwd = await tempDir();
    const bin = await tempDir('csaa-bin-');
    await symlink(process.execPath, path.join(bin, 'node'));
    const result = await runCli(['app', '--yes', '--no-install', '--json'], { cwd, env: { PATH: bin } });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.ok(JSON.parse(result.stdout).warnings.includes('git was not found on PATH; skipped git init'));
    const tree = Object.keys(await snapshotTree(path.join(cwd, 'app')));
    assert.ok(tree.includes('package.json') && !tree.some((entry) => entry === '.git' || entry.startsWith(`.git${path.sep}`)));
  });

  test('the disk fills up while a new project is written: exit 1, no folder, no staging leftovers', async (t) => {
    const disk = await smallDisk(64);
    if (!disk) return t.skip('mounting a small tmpfs needs root');
    const result = await runCli(['app', '--yes', '--no-install', '--no-git'], { cwd: disk });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /error: .*ENOSPC|no space left/i);
    assert.deepEqual(await snapshotTree(disk), {});
  });

  test('the disk fills up while adding to an existing project: every file back as it was', async (t) => {
    const disk = await smallDisk(96);
    if (!disk) return t.skip('mounting a small tmpfs needs root');
    const fixture = FIXTURES.find((candidate) => candidate.name === 'crlf-gitignore')!;
    for (const [relative, content] of Object.entries(fixture.files)) {
      await mkdir(path.dirname(path.join(disk, relative)), { recursive: true });
      await writeFile(path.join(disk, relative), content);
    }
    const before = await snapshotProject(disk);
    const result = await runCli(['.', '--yes', '--no-install'], { cwd: disk });
    assert.equal(result.exitCode, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /ENOSPC|no space left/i);
    assert.deepEqual(await snapshotProject(disk), before);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} during the install of a new project: exit 130 and the folder is gone`, async () => {
      const cwd = await tempDir();
      const result = await interruptWhen(['app', '--yes', '--no-git'], cwd, /Installing dependencies/, signal);
      assert.equal(result.exitCode, 130, result.stdout + result.stderr);
      assert.match(result.stderr, /error: Cancelled: nothing was written\./);
      assert.deepEqual(await snapshotTree(cwd), {});
    });
  }

  test('SIGINT while pip installs a new Python project into .venv: exit 130 and the folder is gone', async () => {
    const cwd = await tempDir();
    // Sent once the venv exists, i.e. while pip is working in it.
    const venvPython = path.join(cwd, 'app', '.venv', 'bin', 'python');
    const result = await interruptWhen(['app', '--runtime', 'python', '--yes', '--no-git'], cwd, /Creating \.venv/, 'SIGINT', venvPython, await pipIndexEnv());
    assert.equal(result.exitCode, 130, result.stdout + result.stderr);
    assert.match(result.stderr, /error: Cancelled: nothing was written\./);
    assert.deepEqual(await snapshotTree(cwd), {});
  });

  test('SIGINT during the install of an addition: every file as it was, the lockfile restored, node_modules gone', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'express-ts')!);
    const before = await snapshotProject(root);
    // Sent once the install has started writing node_modules.
    const result = await interruptWhen(['.', '--yes'], root, /Installing dependencies/, 'SIGINT', path.join(root, 'node_modules'));
    assert.equal(result.exitCode, 130, result.stdout + result.stderr);
    assert.deepEqual(await snapshotProject(root), before);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} sent to the process at a prompt: exit 130, nothing written`, async () => {
      const cwd = await tempDir();
      const terminal = await Terminal.start([process.execPath, CLI], { cwd });
      after(() => terminal.close());
      await terminal.waitFor(/Where should the project be created\?/);
      await terminal.press('Enter');
      await terminal.waitFor(/Which runtime\?/);
      await terminal.signal(signal);
      assert.equal(await terminal.exitCode(), 130);
      await terminal.waitFor(/Cancelled: nothing was written/);
      assert.deepEqual(await snapshotTree(cwd), {});
    });
  }

  /** The run in this process, with SIGTERM delivered (to its handler) the moment it starts writing files. */
  async function terminatedAsWritingStarts(argv: readonly string[], cwd: string): Promise<number> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let sent = false;
    stdout.on('data', (chunk: Buffer) => {
      if (!sent && chunk.toString().includes('Writing files')) {
        sent = true;
        process.emit('SIGTERM');
      }
    });
    stderr.resume();
    const code = await run({ argv, env: {}, cwd, stdinIsTTY: false, stdout, stderr, version: '0.0.0', nodeVersion: process.version });
    assert.ok(sent, 'the signal was sent while writing');
    return code;
  }

  test('SIGTERM while writing a new project: exit 130, no folder, no staging leftovers', async () => {
    const cwd = await tempDir();
    assert.equal(await terminatedAsWritingStarts(['app', '--yes', '--no-install', '--no-git'], cwd), 130);
    assert.deepEqual(await snapshotTree(cwd), {});
  });

  test('SIGTERM while adding to an existing project: every file as it was', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'express-ts')!);
    const before = await snapshotProject(root);
    assert.equal(await terminatedAsWritingStarts(['.', '--yes', '--no-install'], root), 130);
    assert.deepEqual(await snapshotProject(root), before);
  });
});
