import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { pathWith } from '../support/path-with.ts';
import { tempDir } from '../support/temp-dir.ts';
import { pipIndexEnv } from '../support/python.ts';

const SETUP_LINE = 'python3 -m venv .venv && .venv/bin/python -m pip install --editable ".[dev]"';

describe('Python projects from the CLI', () => {
  test('--runtime python writes a pyproject project, no Node files, and says how to set up .venv', async () => {
    const cwd = await tempDir();
    const result = await runCli(['py-app', '--runtime', 'python', '--framework', 'fastapi', '--no-install', '--no-git', '--json'], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.options.packageManager, 'pip');
    const paths: string[] = report.files.map((file: { path: string }) => file.path);
    for (const expected of ['pyproject.toml', '.env.example', '.gitignore', 'README.md', 'SECURITY.md', 'src/app/__init__.py', 'src/app/ai/client.py', 'src/app/config/settings.py', 'src/app/log/redact.py', 'tools/scan_secrets.py']) {
      assert.ok(paths.includes(expected), expected);
    }
    for (const nodeOnly of ['package.json', '.npmrc', '.secretlintrc.json', 'tsconfig.json']) assert.ok(!paths.includes(nodeOnly), nodeOnly);
    assert.ok(!paths.some((file) => file.endsWith('.ts')), 'no TypeScript in a Python project');
    assert.deepEqual(report.steps, []);
    assert.deepEqual(report.nextSteps.slice(0, 4), ['cd py-app', 'python -m venv .venv', 'source .venv/bin/activate   # Windows: .venv\\Scripts\\activate', 'python -m pip install --editable ".[dev]"']);
    const readme = await readFile(path.join(cwd, 'py-app', 'README.md'), 'utf8');
    const setup = readme.slice(readme.indexOf('## Set up'));
    assert.match(setup, /Needs Python >= 3\.10/);
    assert.ok(setup.indexOf('python -m venv .venv') < setup.indexOf('.venv\\Scripts\\activate'), 'the README starts with the venv, then activation on every OS');
    assert.doesNotMatch(readme, /\bnpm\b|node_modules|Node\.js/);
  });

  test('a second run in the generated project changes nothing: every file identical', async () => {
    const cwd = await tempDir();
    const args = ['py-app', '--runtime', 'python', '--framework', 'flask', '--provider', 'anthropic', '--no-install', '--no-git', '--json'];
    assert.equal((await runCli(args, { cwd })).exitCode, 0);
    const before = await snapshotTree(path.join(cwd, 'py-app'));
    const again = await runCli(args, { cwd });
    assert.equal(again.exitCode, 0, again.stderr);
    const report = JSON.parse(again.stdout);
    assert.equal(report.mode, 'create');
    assert.deepEqual(new Set(report.files.map((file: { action: string }) => file.action)), new Set(['identical']));
    assert.deepEqual(await snapshotTree(path.join(cwd, 'py-app')), before);
  });

  test('a Python project of someone else (pyproject.toml, no package.json) is refused, untouched', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'pyproject.toml'), '[project]\nname = "theirs"\n');
    const result = await runCli(['.', '--runtime', 'python', '--no-install', '--no-git'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /holds a Python project \(pyproject\.toml\); adding to an existing Python project is not supported yet/);
    assert.deepEqual(Object.keys(await snapshotTree(cwd)), ['pyproject.toml']);
  });

  test('--runtime python in a Node.js project is refused: adding works for Node.js only', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'package.json'), '{"name":"theirs","dependencies":{"express":"5.1.0"}}\n');
    const result = await runCli(['.', '--runtime', 'python', '--no-install'], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /--runtime python cannot add to this folder: it holds a Node\.js project/);
    assert.deepEqual(Object.keys(await snapshotTree(cwd)), ['package.json']);
  });

  test('no python3 or python on PATH: exit 1, files kept, how to get Python and the retry printed', async () => {
    const cwd = await tempDir();
    const result = await runCli(['py-app', '--runtime', 'python', '--yes', '--no-git', '--json'], { cwd, env: { PATH: await pathWith() } });
    assert.equal(result.exitCode, 1, result.stderr);
    const { error } = JSON.parse(result.stdout);
    assert.equal(error.code, 'install_failed');
    assert.equal(error.message, 'neither python3 nor python was found on PATH, so .venv was not created; your files are kept');
    assert.equal(error.details.at(-1), `Install Python >= 3.10 (https://www.python.org/downloads/), then run: cd py-app && ${SETUP_LINE}`);
    const tree = Object.keys(await snapshotTree(path.join(cwd, 'py-app')));
    assert.ok(tree.includes('pyproject.toml') && !tree.some((entry) => entry.startsWith('.venv')));
  });

  test('a Python older than 3.10 is named, not run into a pip error', async () => {
    const cwd = await tempDir();
    // Stands in for an old interpreter: answers the version probe the way Python 3.8 would.
    const fake = path.join(await tempDir('csaa-py-'), 'python3');
    await writeFile(fake, '#!/bin/sh\necho 3.8\n');
    await chmod(fake, 0o755);
    const result = await runCli(['py-app', '--runtime', 'python', '--yes', '--no-git'], { cwd, env: { PATH: await pathWith({ python3: fake }) } });
    assert.equal(result.exitCode, 1);
    assert.match(result.stderr, /error: the project needs Python >= 3\.10 and python3 on PATH is 3\.8, so \.venv was not created; your files are kept/);
  });

  test('pip failing (an index without the packages): exit 1 with pip\'s last lines and the retry; files kept', async () => {
    const cwd = await tempDir();
    const emptyIndex = await tempDir('csaa-index-');
    await mkdir(path.join(emptyIndex, 'simple'));
    // os.devnull as the config file: pip then loads no configuration at all (no extra index, no find-links).
    const env = { PIP_CONFIG_FILE: '/dev/null', PIP_INDEX_URL: `file://${emptyIndex}/simple`, PIP_EXTRA_INDEX_URL: undefined, PIP_FIND_LINKS: undefined };
    const result = await runCli(['py-app', '--runtime', 'python', '--yes', '--no-git', '--json'], { cwd, env });
    assert.equal(result.exitCode, 1, result.stderr);
    const { error } = JSON.parse(result.stdout);
    assert.equal(error.code, 'install_failed');
    assert.match(error.message, /^pip install failed \(exit code \d+\); your files are kept$/);
    assert.ok(error.details.some((line: string) => /No matching distribution|Could not find a version/.test(line)), error.details.join('\n'));
    assert.equal(error.details.at(-1), `To retry: cd py-app && ${SETUP_LINE}`);
    assert.ok(Object.keys(await snapshotTree(path.join(cwd, 'py-app'))).includes('pyproject.toml'));
  });

  test('the install step makes .venv with the Python on PATH and installs the project into it, not the system', async () => {
    const cwd = await tempDir();
    const result = await runCli(['py-app', '--runtime', 'python', '--yes', '--no-git', '--json'], { cwd, env: await pipIndexEnv() });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).steps, [SETUP_LINE]);
    const venvPython = path.join(cwd, 'py-app', '.venv', 'bin', 'python');
    const probe = await execa(venvPython, ['-c', 'import sys, app, openai, pydantic_settings; print(sys.prefix != sys.base_prefix)']);
    assert.equal(probe.stdout.trim(), 'True', 'the project and its pins are importable inside the venv');
    const system = await execa('python3', ['-m', 'pip', 'show', 'py-app'], { reject: false });
    assert.notEqual(system.exitCode, 0, 'nothing was installed into the system Python');
  });
});
