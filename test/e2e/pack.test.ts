import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import { REPO_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

test('the packed tarball has no runtime dependencies and runs with npm exec in an empty folder', async () => {
  const packDir = await tempDir();
  const { stdout } = await execa('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: REPO_ROOT, env: { npm_config_ignore_scripts: 'true' } });
  const [info] = JSON.parse(stdout);
  const files: string[] = info.files.map((file: { path: string }) => file.path);
  assert.ok(files.includes('dist/index.mjs'));
  assert.ok(files.some((file) => file.startsWith('templates/base/')));
  assert.ok(!files.some((file) => file.startsWith('src/') || file.startsWith('test/')), 'sources and tests stay out of the package');
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.dependencies, undefined, 'zero runtime dependencies: everything is bundled');

  const empty = await tempDir();
  const run = await execa('npm', ['exec', '--yes', '--package', path.join(packDir, info.filename), '--', 'create-secure-ai-app', 'from-tarball', '--yes', '--no-install', '--no-git', '--json'], {
    cwd: empty,
    env: { npm_config_cache: path.join(empty, '.npm-cache'), npm_config_offline: 'true', CI: '1' },
  });
  const result = JSON.parse(run.stdout);
  assert.equal(result.ok, true);
  await readFile(path.join(empty, 'from-tarball', 'src', 'ai', 'client.ts'));
});
