import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES } from '../fixtures/existing-projects.ts';
import { materialize } from '../support/existing-project.ts';
import { withNodeLts } from '../support/generated-project.ts';
import { NODE_LTS_BIN_DIR } from '../support/paths.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const SENTINEL = `sk-ant-api03-${randomBytes(24).toString('hex')}`;
/** The key everywhere a careless tool could pick it up: the environment, under every name we know. */
const SECRET_ENV = { OPENAI_API_KEY: SENTINEL, ANTHROPIC_API_KEY: SENTINEL, AI_API_KEY: SENTINEL, GITHUB_TOKEN: SENTINEL, npm_config__authToken: SENTINEL };

function assertNoSecretIn(run: CliRun, what: string) {
  assert.ok(!run.stdout.includes(SENTINEL), `${what}: the secret reached stdout`);
  assert.ok(!run.stderr.includes(SENTINEL), `${what}: the secret reached stderr`);
}

/** Every file under `root` except the .env the user wrote: none may hold the secret. */
async function assertNoSecretWritten(root: string) {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.env') continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.includes(`${path.sep}.git${path.sep}`) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    assert.ok(!(await readFile(file, 'utf8')).includes(SENTINEL), `${path.relative(root, file)} holds the secret`);
  }
}

describe('secrets in the environment and in an existing .env never reach output, --json or files', () => {
  test('creating a project, in plain text and in --json, with the key in the environment', async () => {
    const cwd = await tempDir();
    for (const args of [
      ['plain', '--yes', '--no-install', '--no-git'],
      ['json', '--yes', '--no-install', '--no-git', '--json'],
      ['python', '--runtime', 'python', '--framework', 'fastapi', '--yes', '--no-install', '--no-git', '--json'],
    ]) {
      const run = await runCli(args, { cwd, env: SECRET_ENV });
      assert.equal(run.exitCode, 0, run.stderr);
      assertNoSecretIn(run, args[0]!);
    }
    await assertNoSecretWritten(cwd);
  });

  test('a folder with a .env holding a key: the .env is left alone, its value shown nowhere, also on a conflict', async () => {
    const cwd = await tempDir();
    const target = path.join(cwd, 'app');
    await mkdir(target);
    const envText = `OPENAI_API_KEY=${SENTINEL}\n`;
    await writeFile(path.join(target, '.env'), envText);
    await writeFile(path.join(target, 'README.md'), `mine, with ${SENTINEL.slice(0, 8)}\n`);
    const conflict = await runCli(['app', '--yes', '--no-install', '--no-git', '--json'], { cwd, env: SECRET_ENV });
    assert.equal(conflict.exitCode, 3);
    assertNoSecretIn(conflict, 'conflict');
    const skipped = await runCli(['app', '--yes', '--no-install', '--no-git', '--conflict', 'skip'], { cwd, env: SECRET_ENV });
    assert.equal(skipped.exitCode, 0, skipped.stderr);
    assertNoSecretIn(skipped, 'skip');
    assert.equal(await readFile(path.join(target, '.env'), 'utf8'), envText);
    await assertNoSecretWritten(target);
  });

  test('adding to a project with a key in .env and in the environment, including a failing install', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'esm-package')!);
    await writeFile(path.join(root, '.env'), `OPENAI_API_KEY=${SENTINEL}\nexport ANTHROPIC_API_KEY="${SENTINEL}" # mine\n`);
    const dry = await runCli(['.', '--yes', '--dry-run', '--json'], { cwd: root, env: SECRET_ENV });
    assert.equal(dry.exitCode, 0, dry.stderr);
    assertNoSecretIn(dry, 'dry run');
    const failing = await runCli(['.', '--yes', '--json'], {
      cwd: root,
      env: { ...SECRET_ENV, ...withNodeLts(), npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', npm_config_cache: await tempDir('csaa-cache-') },
    });
    assert.equal(failing.exitCode, 1);
    assert.equal(JSON.parse(failing.stdout).error.code, 'install_failed');
    assertNoSecretIn(failing, 'failed install');
    await assertNoSecretWritten(root);
  });

  test('errors never echo the environment: a usage error and a crash-like failure', async () => {
    const usage = await runCli(['app', '--provider', 'nope'], { cwd: await tempDir(), env: SECRET_ENV });
    assert.equal(usage.exitCode, 2);
    assertNoSecretIn(usage, 'usage error');
    const missingManager = await runCli(['app', '--yes', '--no-git', '--package-manager', 'bun'], { cwd: await tempDir(), env: { ...SECRET_ENV, PATH: `${NODE_LTS_BIN_DIR}${path.delimiter}/usr/bin${path.delimiter}/bin` } });
    assert.equal(missingManager.exitCode, 1);
    assertNoSecretIn(missingManager, 'missing package manager');
  });
});
