import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { execa } from 'execa';
import { GIT_IDENTITY, generateProject, runIn, withNodeLts, type Combination } from '../support/generated-project.ts';
import { assertTestsCatch, fakeOpenAiKey, TYPESCRIPT_AI_MUTATIONS, type Mutation } from '../support/mutations.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * In the matrix tier (CI), not in every `npm test`: each mutation reruns a whole suite,
 * about 4 minutes for Bun (its slow-client tests wait on Bun's timers) and 2 for Deno.
 *
 * A Bun and a Deno project taken all the way, like the Express one: the CLI's own
 * install step, an install from the lockfile alone, the first commit with its
 * pre-commit hook, the secret scan, and proof that the runtime's own test runner
 * catches each protection taken out of the shared code and of the runtime's glue.
 */

/** The Hono app is shared by every runtime (templates/framework/hono). */
const HONO_MUTATIONS: Mutation[] = [
  { name: 'the rate limit is lifted', file: 'src/app.ts', find: 'limit: config.RATE_LIMIT_PER_MINUTE,', replace: 'limit: 1_000_000,' },
  { name: 'CORS is opened to every origin', file: 'src/app.ts', find: 'origin: (origin) => (allowedOrigins.has(origin) ? origin : null),', replace: 'origin: (origin) => origin,' },
];

interface RuntimeCase {
  combination: Combination;
  lockfile: string;
  /** Installs exactly what the lockfile says, failing if it would change. */
  frozenInstall: string[];
  test: string[];
  /** Every check of the project (what its CI runs). */
  check: string[];
  scan: string[];
  mutations: Mutation[];
}

const CASES: RuntimeCase[] = [
  {
    combination: { runtime: 'bun', framework: 'hono', provider: 'openai-compatible' },
    lockfile: 'bun.lock',
    frozenInstall: ['install', '--frozen-lockfile'],
    test: ['run', 'test'],
    check: ['run', 'check'],
    scan: ['run', 'scan:secrets'],
    mutations: [
      ...TYPESCRIPT_AI_MUTATIONS,
      ...HONO_MUTATIONS,
      // Bun reads .env, .env.local and .env.<NODE_ENV> by itself unless told not to.
      { name: 'Bun loads .env files on its own again', file: 'bunfig.toml', find: '\nenv = false\n', replace: '\n' },
      { name: "Bun's development error page is back", file: 'src/http/serve.ts', find: '    development: false,\n', replace: '' },
      { name: 'the client address is lost (one rate-limit window for everyone)', file: 'src/http/client-address.ts', find: '?.requestIP(c.req.raw)?.address;', replace: '?.requestIP(c.req.raw) && undefined;' },
      { name: "Bun's body size cap is lifted", file: 'src/http/serve.ts', find: '    maxRequestBodySize: BUN_BODY_LIMIT_BYTES,\n', replace: '' },
      { name: 'Bun may share the port with another process', file: 'src/http/serve.ts', find: '    reusePort: false,\n', replace: '' },
    ],
  },
  {
    combination: { runtime: 'deno', framework: 'hono', provider: 'anthropic' },
    lockfile: 'deno.lock',
    frozenInstall: ['install', '--frozen'],
    test: ['task', 'test'],
    check: ['task', 'check'],
    scan: ['task', 'scan:secrets'],
    mutations: [
      ...TYPESCRIPT_AI_MUTATIONS,
      ...HONO_MUTATIONS,
      // Least privilege is part of the product: widening a task must turn the suite red.
      { name: 'the start task may reach every host', file: 'deno.json', find: '--allow-net=api.anthropic.com,127.0.0.1:3000 ', replace: '--allow-net ' },
      { name: 'the start task may read an unlisted variable', file: 'deno.json', find: '--allow-env=ANTHROPIC_API_KEY,', replace: '--allow-env=HOME,ANTHROPIC_API_KEY,' },
      { name: 'the start task may read files', file: 'deno.json', find: 'deno run --no-prompt --allow-net', replace: 'deno run --no-prompt --allow-read --allow-net' },
      { name: 'the client address is lost (one rate-limit window for everyone)', file: 'src/http/client-address.ts', find: 'return info?.remoteAddr.hostname;', replace: 'return info && undefined;' },
      { name: 'the request body deadline is removed', file: 'src/http/serve.ts', find: 'return Deno.serve(options, withBodyDeadline(handler, requestTimeoutMs, logger));', replace: 'return Deno.serve(options, handler);' },
    ],
  },
];

for (const runtimeCase of CASES) {
  const { combination } = runtimeCase;
  const runtime = combination.runtime;

  describe(`a generated ${runtime} ${combination.framework} + ${combination.provider} project, end to end`, () => {
    let project = '';

    before(async () => {
      const { run, directory } = await generateProject(await tempDir(), combination, { install: true, git: true });
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      project = directory;
    });

    test(`the lockfile is committed, ${runtime} installs from it alone, and the tree stays clean`, async () => {
      const git = (args: string[]) => execa('git', args, { cwd: project, env: GIT_IDENTITY });
      assert.ok((await git(['ls-files'])).stdout.split('\n').includes(runtimeCase.lockfile));
      const install = await runIn(project, runtime, runtimeCase.frozenInstall);
      assert.equal(install.exitCode, 0, install.output);
      const check = await runIn(project, runtime, runtimeCase.check);
      assert.equal(check.exitCode, 0, check.output.slice(-4000));
      assert.equal((await git(['status', '--porcelain'])).stdout, '', 'installing and checking leave nothing to commit');
    });

    test('the pre-commit hook refuses a staged key; the secret scan finds it', async () => {
      const git = (args: string[]) => execa('git', args, { cwd: project, env: { ...withNodeLts(), ...GIT_IDENTITY }, reject: false, all: true });
      const leak = path.join(project, 'src', 'leak.ts');
      await writeFile(leak, `export const key = ${JSON.stringify(fakeOpenAiKey())};\n`);
      try {
        const scan = await runIn(project, runtime, runtimeCase.scan);
        assert.notEqual(scan.exitCode, 0, 'the scan must fail on a planted key');
        assert.match(scan.output, /leak\.ts/);
        await git(['add', 'src/leak.ts']);
        const refused = await git(['commit', '-m', 'leak']);
        assert.notEqual(refused.exitCode, 0, refused.all);
        assert.match(refused.all ?? '', /secret scan failed/);
      } finally {
        await git(['rm', '--cached', '--quiet', '--ignore-unmatch', 'src/leak.ts']);
        await rm(leak);
      }
    });

    for (const mutation of runtimeCase.mutations) {
      test(`its own tests go red when ${mutation.name}`, () => assertTestsCatch(project, mutation, () => runIn(project, runtime, runtimeCase.test)));
    }
  });
}
