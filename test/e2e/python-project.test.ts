import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { execa } from 'execa';
import { GIT_IDENTITY, generateProject, venvIn } from '../support/generated-project.ts';
import { assertTestsCatch, fakeOpenAiKey, type Mutation } from '../support/mutations.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * One generated Python project taken all the way, like the Express one: the CLI's own
 * install step (a real .venv, real pip), the project's own ruff and pytest, its
 * pre-commit hook and secret scan, and proof that its tests guard what they claim:
 * each mutation removes one protection and pytest must go red.
 */

const MUTATIONS: Mutation[] = [
  { name: 'the request timeout falls back to the SDK default', file: 'src/app/ai/sdk_limits.py', find: '"timeout": settings.ai_timeout_ms / 1000, ', replace: '' },
  { name: 'retries fall back to the SDK default', file: 'src/app/ai/sdk_limits.py', find: ', "max_retries": settings.ai_max_retries', replace: '' },
  { name: 'the output cap is removed', file: 'src/app/ai/provider.py', find: '                max_output_tokens=settings.ai_max_output_tokens,\n', replace: '' },
  {
    name: 'log redaction is turned off',
    file: 'src/app/log/redact.py',
    find: '    """Returns a JSON-safe copy with secret fields and key-shaped strings replaced; cycle-safe."""\n',
    replace: '    """Returns a JSON-safe copy with secret fields and key-shaped strings replaced; cycle-safe."""\n    return value\n',
  },
  {
    name: 'the input check is skipped',
    file: 'src/app/ai/input.py',
    find: '    """Returns the trimmed text, or raises AiError("invalid_input") saying why not."""\n',
    replace: '    """Returns the trimmed text, or raises AiError("invalid_input") saying why not."""\n    return str(user_input)\n',
  },
  { name: 'the rate limit is lifted', file: 'src/app/http/guard.py', find: 'RateLimiter(settings.rate_limit_per_minute,', replace: 'RateLimiter(1_000_000,' },
  { name: 'CORS is opened to every origin', file: 'src/app/http/guard.py', find: 'if origin is None or origin not in self._allowed_origins:', replace: 'if origin is None:' },
];

describe('a generated Python FastAPI + OpenAI project, end to end', () => {
  let project = '';

  before(async () => {
    const parent = await tempDir();
    const { run, directory } = await generateProject(parent, { runtime: 'python', framework: 'fastapi', provider: 'openai' }, { install: true, git: true });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    project = directory;
  });

  test('ruff and pytest pass in the .venv the install step made', async () => {
    for (const args of [['check', '.'], ['format', '--check', '.']]) {
      const lint = await venvIn(project, 'ruff', args);
      assert.equal(lint.exitCode, 0, lint.output);
    }
    const tests = await venvIn(project, 'pytest', ['-q', '-p', 'no:cacheprovider']);
    assert.equal(tests.exitCode, 0, tests.output.slice(-6000));
    assert.match(tests.output, /\b[1-9]\d* passed\b/);
    assert.doesNotMatch(tests.output, /\b(failed|skipped|error)\b/);
  });

  test('the first commit holds every generated file and no .venv; the hook is on', async () => {
    const git = (args: string[]) => execa('git', args, { cwd: project, env: GIT_IDENTITY });
    assert.equal((await git(['log', '--format=%s'])).stdout, 'Initial commit from create-secure-ai-app');
    const tracked = (await git(['ls-files'])).stdout.split('\n');
    assert.ok(tracked.includes('pyproject.toml') && tracked.includes('src/app/ai/client.py'));
    assert.ok(!tracked.some((file) => file.startsWith('.venv/') || file.includes('__pycache__') || file.endsWith('.egg-info')), 'build and venv output stay untracked');
    assert.equal((await git(['config', 'core.hooksPath'])).stdout, '.githooks');
    assert.equal((await git(['status', '--porcelain'])).stdout, '', 'installing and testing leave the work tree clean');
  });

  test('the pre-commit hook refuses a staged key and a staged .env, and lets a clean change through', async () => {
    const git = (args: string[]) => execa('git', args, { cwd: project, env: GIT_IDENTITY, reject: false, all: true });
    const leak = path.join(project, 'src', 'app', 'leak.py');
    await writeFile(leak, `KEY = ${JSON.stringify(fakeOpenAiKey())}\n`);
    await git(['add', 'src/app/leak.py']);
    const refused = await git(['commit', '-m', 'leak']);
    assert.notEqual(refused.exitCode, 0, refused.all);
    assert.match(refused.all ?? '', /secret scan failed/);
    await git(['rm', '--cached', '--quiet', 'src/app/leak.py']);
    await rm(leak);

    await writeFile(path.join(project, '.env.staging'), 'OPENAI_API_KEY=\n');
    await git(['add', '--force', '.env.staging']);
    const refusedEnv = await git(['commit', '-m', 'env']);
    assert.notEqual(refusedEnv.exitCode, 0, 'a forced .env.* file is refused too');
    await git(['rm', '--cached', '--quiet', '.env.staging']);
    await rm(path.join(project, '.env.staging'));

    await writeFile(path.join(project, 'NOTES.md'), 'no secrets here\n');
    await git(['add', 'NOTES.md']);
    const accepted = await git(['commit', '-m', 'notes']);
    assert.equal(accepted.exitCode, 0, accepted.all);
  });

  test('the secret scan finds a planted key and never prints it', async () => {
    const key = fakeOpenAiKey();
    const planted = path.join(project, 'src', 'app', 'planted.py');
    await writeFile(planted, `KEY = ${JSON.stringify(key)}\n`);
    try {
      const scan = await venvIn(project, 'python', ['tools/scan_secrets.py']);
      assert.notEqual(scan.exitCode, 0, 'the scan must fail on a planted key');
      assert.match(scan.output, /planted\.py/);
      assert.ok(!scan.output.includes(key.slice(8, 40)), 'the scan shows where, not the key');
    } finally {
      await rm(planted);
    }
  });

  for (const mutation of MUTATIONS) {
    test(`its own tests go red when ${mutation.name}`, () => assertTestsCatch(project, mutation, () => venvIn(project, 'pytest', ['-q', '-x', '-p', 'no:cacheprovider'])));
  }
});
