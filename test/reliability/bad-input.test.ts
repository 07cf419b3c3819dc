import assert from 'node:assert/strict';
import { chmod, cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { run } from '../../src/cli/run.ts';
import { OPTION_DEFINITIONS } from '../../src/options/definitions.ts';
import { CLI, TEMPLATES } from '../support/paths.ts';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Runs the built CLI in an empty folder; every bad input must end in exit 2 with nothing written. */
async function assertRefused(args: readonly string[], message: RegExp): Promise<void> {
  const cwd = await tempDir();
  const result = await runCli(args, { cwd });
  assert.equal(result.exitCode, 2, `${JSON.stringify(args)}: ${result.stderr}`);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
  assert.equal(errors.length, 1, `one error line for ${JSON.stringify(args)}: ${result.stderr}`);
  assert.match(errors[0]!, message);
  assert.equal(result.stdout, '', 'nothing on stdout');
  assert.deepEqual(await snapshotTree(cwd), {}, 'nothing written');
}

const LONG = 'a'.repeat(215);

describe('bad input: a clear one-line error, exit 2, nothing written', () => {
  const names: [string, string, RegExp][] = [
    ['uppercase and a space', 'My App', /not a valid npm package name/],
    ['dot-dot', '..', /not a valid npm package name/],
    ['an absolute path', '/etc/passwd', /not a valid npm package name/],
    ['a control character', 'a\u0007b', /control character/],
    ['a newline', 'a\nb', /control character/],
    ['shell metacharacters', 'x; touch PWNED', /not a valid npm package name/],
    ['command substitution', '$(touch PWNED)', /not a valid npm package name/],
    ['quotes and a backslash', `a'b"c\\d`, /not a valid npm package name/],
    ['template braces', '{{name}}', /not a valid npm package name/],
    ['non-ASCII', 'ünïcode', /not a valid npm package name/],
    ['too long (215 characters)', LONG, /not a valid npm package name/],
    ['a leading dot', '.hidden', /not a valid npm package name/],
    ['a reserved name', 'node_modules', /not a valid npm package name/],
    ['an empty scope', '@/x', /not a valid npm package name/],
  ];
  for (const [what, name, message] of names) {
    test(`--name with ${what}`, () => assertRefused(['app', '--name', name, '--yes'], message));
  }

  test('a folder name that is no package name needs --name, and says so', () =>
    assertRefused(['My Project', '--yes'], /--name is needed: the folder name "My Project"/));

  test('a directory with a control character', () => assertRefused(['ap\u0001p', '--yes'], /control character/));
  test('a directory segment longer than any file system allows', () => assertRefused([`${'d'.repeat(256)}`, '--yes'], /longer than 255/));

  test('a directory argument that is a file', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'taken'), 'mine');
    const result = await runCli(['taken', '--yes'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /error: taken exists and is not a directory/);
    assert.deepEqual(Object.keys(await snapshotTree(cwd)), ['taken']);
  });

  test('a directory argument that is a symbolic link leading outside', async () => {
    const cwd = await tempDir();
    const outside = await tempDir();
    await symlink(outside, path.join(cwd, 'elsewhere'));
    const result = await runCli(['elsewhere', '--yes', '--no-install'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /error: elsewhere is a symbolic link/);
    assert.deepEqual(await snapshotTree(outside), {});
  });

  test('a folder without write permission (as an unprivileged user)', async (t) => {
    const cwd = await tempDir();
    await chmod(cwd, 0o755);
    const locked = path.join(cwd, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    // root may write anywhere: drop to nobody, as a normal user would run it.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const probe = await execa(asNobody[0] ?? 'true', asNobody.slice(1).concat(asNobody.length ? ['true'] : []), { reject: false });
    if (probe.exitCode !== 0) return t.skip('cannot drop privileges here (setpriv missing)');
    // The CLI as it ships (dist/, the entry and its chunks, beside templates/), where that
    // user can read it: the checkout itself may sit in a folder only its owner can enter.
    const kit = await tempDir('csaa-kit-');
    await chmod(kit, 0o755);
    await cp(path.dirname(CLI), path.join(kit, 'dist'), { recursive: true });
    await cp(TEMPLATES, path.join(kit, 'templates'), { recursive: true });
    const [file, ...args] = [...asNobody, process.execPath, path.join(kit, 'dist', 'index.mjs'), 'locked/app', '--yes', '--no-install', '--no-git'];
    const result = await execa(file!, args, { cwd, reject: false, env: { HOME: cwd, CI: undefined } });
    assert.equal(result.exitCode, 2, result.stderr);
    assert.match(result.stderr, /error: cannot write to .*locked \(where locked\/app would be created\): permission denied/);
    assert.deepEqual(await snapshotTree(locked), {});
  });

  describe('every flag: a wrong value, a value where none belongs, a missing value, given twice', () => {
    for (const option of OPTION_DEFINITIONS.filter((definition) => definition.key !== 'help' && definition.key !== 'version')) {
      const flag = `--${option.flag}`;
      if (option.kind === 'choice') {
        test(`${flag} nope`, () => assertRefused(['app', flag, 'nope', '--yes'], new RegExp(`${flag} must be one of: ${option.values!.join(', ')}`)));
        test(`${flag} without a value`, () => assertRefused(['app', flag], new RegExp(flag)));
      }
      if (option.kind === 'boolean' || option.kind === 'negatable') {
        test(`${flag}=maybe`, () => assertRefused(['app', `${flag}=maybe`], new RegExp(`${flag}`)));
      }
      if (option.kind === 'text') test(`${flag} without a value`, () => assertRefused(['app', flag], new RegExp(flag)));
      const twice = option.kind === 'choice' ? [flag, option.values![0]!, flag, option.values![0]!] : option.kind === 'text' ? [flag, 'a', flag, 'b'] : [flag, flag];
      test(`${flag} given twice`, () => assertRefused(['app', ...twice, '--yes'], /more than once/));
    }
    test('an unknown flag', () => assertRefused(['app', '--frobnicate'], /--frobnicate/));
    test('a second directory argument', () => assertRefused(['app', 'other', '--yes'], /other/));
  });

  test('a NUL byte in an argument (only possible in-process: execve cannot carry it)', async () => {
    const cwd = await tempDir();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let errors = '';
    stderr.on('data', (chunk) => (errors += chunk));
    const code = await run({ argv: ['app\u0000x', '--yes'], env: {}, cwd, stdinIsTTY: false, stdout, stderr, version: '0.0.0', nodeVersion: 'v24.0.0' });
    assert.equal(code, 2);
    assert.match(errors, /error: .*control character/);
    assert.deepEqual(await snapshotTree(cwd), {});
  });

  test('no terminal on stdin (Git Bash, a pipe) never prompts or hangs: a missing directory is a usage error', async () => {
    const cwd = await tempDir();
    // stdin stays open and silent: a prompt would wait forever (the timeout would fail the test).
    const result = await execa(process.execPath, [CLI], { cwd, reject: false, stdin: 'pipe', timeout: 20_000, env: { CI: undefined } });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /error: the project directory is missing: pass it as the first argument/);
    const withDirectory = await execa(process.execPath, [CLI, 'app', '--no-install', '--no-git'], { cwd, reject: false, stdin: 'pipe', timeout: 20_000, env: { CI: undefined } });
    assert.equal(withDirectory.exitCode, 0, withDirectory.stderr);
  });
});
