import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { execa } from 'execa';
import { GIT_IDENTITY, generateProject, npmIn, withNodeLts } from '../support/generated-project.ts';
import { assertTestsCatch, fakeOpenAiKey, TYPESCRIPT_AI_MUTATIONS, type Mutation } from '../support/mutations.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * One generated project taken all the way: the CLI's own install step with real npm,
 * the project's own `npm run check`, a clean `npm ci --ignore-scripts`, and proof that
 * its tests guard what they claim: each mutation removes one protection and the
 * project's suite must go red.
 */

const MUTATIONS: Mutation[] = [
  ...TYPESCRIPT_AI_MUTATIONS,
  { name: 'the output cap is removed', file: 'src/ai/provider.ts', find: '            max_output_tokens: config.AI_MAX_OUTPUT_TOKENS,\n', replace: '' },
  { name: 'the rate limit is lifted', file: 'src/app.ts', find: 'limit: config.RATE_LIMIT_PER_MINUTE,', replace: 'limit: 1_000_000,' },
  { name: 'CORS is opened to every origin', file: 'src/app.ts', find: 'origin: [...config.CORS_ORIGINS],', replace: "origin: '*'," },
];

describe('a generated Express + OpenAI project, end to end', () => {
  let project = '';

  before(async () => {
    const parent = await tempDir();
    const { run, directory } = await generateProject(parent, { runtime: 'node', framework: 'express', provider: 'openai' }, { install: true, git: true });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    project = directory;
  });

  test('the install step produced a lockfile, and npm ci --ignore-scripts installs from it', async () => {
    await readFile(path.join(project, 'package-lock.json'));
    const ci = await npmIn(project, ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
    assert.equal(ci.exitCode, 0, ci.output);
  });

  test('npm run check passes: type-check, offline tests, secret scan', async () => {
    const check = await npmIn(project, ['run', 'check']);
    assert.equal(check.exitCode, 0, check.output.slice(-6000));
    assert.match(check.output, /\bpass [1-9]\d*\b/, 'tests actually ran');
    assert.match(check.output, /\bfail 0\b/);
    assert.match(check.output, /\bskipped 0\b/, 'no test skipped itself (git must be present)');
  });

  test('the install and the first commit ran; the lockfile is committed and the hook is on', async () => {
    const git = (args: string[]) => execa('git', args, { cwd: project, env: GIT_IDENTITY });
    assert.equal((await git(['log', '--format=%s'])).stdout, 'Initial commit from create-secure-ai-app');
    assert.ok((await git(['ls-files'])).stdout.split('\n').includes('package-lock.json'));
    assert.equal((await git(['config', 'core.hooksPath'])).stdout, '.githooks');
    assert.equal((await git(['status', '--porcelain'])).stdout, '');
  });

  test('the pre-commit hook refuses a staged key and lets a clean change through', async () => {
    const git = (args: string[]) => execa('git', args, { cwd: project, env: { ...withNodeLts(), ...GIT_IDENTITY }, reject: false, all: true });
    const leak = path.join(project, 'src', 'leak.ts');
    await writeFile(leak, `export const key = ${JSON.stringify(fakeOpenAiKey())};\n`);
    await git(['add', 'src/leak.ts']);
    const refused = await git(['commit', '-m', 'leak']);
    assert.notEqual(refused.exitCode, 0, refused.all);
    assert.match(refused.all ?? '', /OPENAI_TOKEN|secret scan failed/);
    await git(['rm', '--cached', '--quiet', 'src/leak.ts']);
    await rm(leak);
    await writeFile(path.join(project, 'NOTES.md'), 'no secrets here\n');
    await git(['add', 'NOTES.md']);
    const accepted = await git(['commit', '-m', 'notes']);
    assert.equal(accepted.exitCode, 0, accepted.all);
  });

  test('the secret scan finds a key planted in the source', async () => {
    const planted = path.join(project, 'src', 'planted.ts');
    await writeFile(planted, `export const key = ${JSON.stringify(fakeOpenAiKey())};\n`);
    try {
      const scan = await npmIn(project, ['run', 'scan:secrets']);
      assert.notEqual(scan.exitCode, 0, 'the scan must fail on a planted key');
      assert.match(scan.output, /planted\.ts/);
    } finally {
      await rm(planted);
    }
  });

  for (const mutation of MUTATIONS) {
    test(`its own tests go red when ${mutation.name}`, () => assertTestsCatch(project, mutation, () => npmIn(project, ['test'])));
  }
});
