import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VERSIONS } from '../../src/layers/versions.ts';
import { BUN_BIN_DIR, DENO_BIN_DIR } from '../support/paths.ts';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { pathWith } from '../support/path-with.ts';
import { tempDir } from '../support/temp-dir.ts';

const exists = (file: string) => access(file).then(() => true, () => false);
const filesOf = (report: { files: { path: string }[] }) => report.files.map((file) => file.path);

// PATH in the install tests: only the machine's Node (20: too old for a Node.js project)
// and the runtime, which must install its project whatever node is.
describe('Bun and Deno projects from the CLI', () => {
  test('--runtime deno writes deno.json and no package.json; the next steps are deno tasks', async () => {
    const cwd = await tempDir();
    const result = await runCli(['deno-app', '--runtime', 'deno', '--no-install', '--no-git', '--json'], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.options.packageManager, 'deno');
    const paths = filesOf(report);
    for (const expected of ['deno.json', '.env.example', '.gitignore', 'README.md', 'src/ai/client.ts', 'src/main.ts', 'test/support/run.ts']) assert.ok(paths.includes(expected), expected);
    for (const other of ['package.json', '.npmrc', 'tsconfig.json', 'bunfig.toml']) assert.ok(!paths.includes(other), `no ${other}`);
    assert.deepEqual(report.nextSteps, ['cd deno-app', 'deno install', 'cp .env.example .env   # then set OPENAI_API_KEY in .env (never commit it)', 'deno task start "your prompt"', 'deno task check   # type-check, tests, secret scan']);
    const readme = await readFile(path.join(cwd, 'deno-app', 'README.md'), 'utf8');
    assert.ok(readme.includes(`Needs Deno ${VERSIONS.deno.replace('>=', '>= ')}`));
    assert.doesNotMatch(readme, /\bnpm (run|install|ci)\b/);
  });

  test('--runtime bun writes package.json for Bun (engines.bun, bunfig.toml) and says bun run', async () => {
    const cwd = await tempDir();
    const result = await runCli(['bun-app', '--runtime', 'bun', '--framework', 'hono', '--no-install', '--no-git', '--json'], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.options.packageManager, 'bun');
    assert.ok(filesOf(report).includes('bunfig.toml'));
    assert.ok(!filesOf(report).includes('.npmrc'));
    const manifest = JSON.parse(await readFile(path.join(cwd, 'bun-app', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.engines, { bun: VERSIONS.bun });
    assert.ok(!('@hono/node-server' in manifest.dependencies), 'Bun serves Hono itself');
    assert.ok(report.nextSteps.includes('bun run dev'));
  });

  test('a second run in a generated Deno project changes nothing: every file identical', async () => {
    const cwd = await tempDir();
    const args = ['deno-app', '--runtime', 'deno', '--framework', 'hono', '--provider', 'anthropic', '--no-install', '--no-git', '--json'];
    assert.equal((await runCli(args, { cwd })).exitCode, 0);
    const before = await snapshotTree(path.join(cwd, 'deno-app'));
    const again = await runCli(args, { cwd });
    assert.equal(again.exitCode, 0, again.stderr);
    assert.deepEqual(new Set(JSON.parse(again.stdout).files.map((file: { action: string }) => file.action)), new Set(['identical']));
    assert.deepEqual(await snapshotTree(path.join(cwd, 'deno-app')), before);
  });

  for (const [runtime, binDir, lockfile] of [['bun', BUN_BIN_DIR, 'bun.lock'], ['deno', DENO_BIN_DIR, 'deno.lock']] as const) {
    test(`${runtime} installs the project with itself, even with a Node too old for Node projects on PATH`, async () => {
      const cwd = await tempDir();
      const env = { PATH: await pathWith({ [runtime]: path.join(binDir, runtime) }) };
      const result = await runCli(['app', '--runtime', runtime, '--framework', 'hono', '--provider', 'anthropic', '--yes', '--no-git', '--json'], { cwd, env });
      assert.equal(result.exitCode, 0, result.stdout + result.stderr);
      const report = JSON.parse(result.stdout);
      assert.deepEqual(report.steps, [`${runtime} install`]);
      assert.ok(!report.warnings.some((warning: string) => /Skipped installing/.test(warning)), 'the old Node did not stop the install');
      assert.ok(await exists(path.join(cwd, 'app', lockfile)), `${lockfile} written`);
      assert.ok(await exists(path.join(cwd, 'app', 'node_modules', 'hono', 'package.json')), 'hono installed');
      assert.ok(!report.nextSteps.includes(`${runtime} install`), 'no install left to do');
    });

    test(`no ${runtime} on PATH: exit 1, files kept, the retry printed`, async () => {
      const cwd = await tempDir();
      const result = await runCli(['app', '--runtime', runtime, '--yes', '--no-git', '--json'], { cwd, env: { PATH: await pathWith() } });
      assert.equal(result.exitCode, 1, result.stderr);
      const { error } = JSON.parse(result.stdout);
      assert.equal(error.code, 'install_failed');
      assert.match(error.message, new RegExp(`^${runtime} was not found on PATH, so dependencies were not installed; your files are kept`));
      const said = result.stderr + JSON.stringify(error);
      assert.match(said, new RegExp(`Install ${runtime}, then run: cd app && ${runtime} install`));
      assert.doesNotMatch(said, /choose another/, `${runtime} projects install with ${runtime} only`);
      assert.ok(await exists(path.join(cwd, 'app', runtime === 'deno' ? 'deno.json' : 'package.json')));
    });
  }
});
