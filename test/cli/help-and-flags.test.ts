import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { OPTION_DEFINITIONS } from '../../src/options/definitions.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('help and version', () => {
  test('--help lists every option, the defaults and the exit codes', async () => {
    const { exitCode, stdout } = await runCli(['--help'], { cwd: REPO_ROOT });
    assert.equal(exitCode, 0);
    for (const option of OPTION_DEFINITIONS) assert.match(stdout, new RegExp(`--${option.flag}\\b`));
    assert.match(stdout, /--no-install/);
    assert.match(stdout, /--runtime <node\|bun\|deno\|python>/);
    assert.match(stdout, /--framework <none\|express\|fastify\|hono\|nextjs\|fastapi\|flask>/);
    assert.match(stdout, /node: none express fastify hono nextjs; bun: none hono; deno: none hono; python: none fastapi flask/);
    assert.match(stdout, /--package-manager <npm\|pnpm\|yarn\|bun\|deno\|pip>/);
    assert.match(stdout, /--provider <openai\|anthropic\|openai-compatible>/);
    assert.match(stdout, /Exit codes: 0 ok, 1 failure .* 2 usage/s);
    assert.match(stdout, /3 stopped on a conflict, 130 cancelled/);
  });

  test('-v prints the package version only', async () => {
    const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const { exitCode, stdout } = await runCli(['-v'], { cwd: REPO_ROOT });
    assert.equal(exitCode, 0);
    assert.equal(stdout.trim(), version);
  });
});

/** Each bad command line: exit 2, a message naming the problem, and no file written anywhere. */
const badCommandLines: { args: string[]; message: RegExp }[] = [
  { args: [], message: /project directory is missing: pass it as the first argument/ },
  { args: ['app', '--frobnicate'], message: /unknown option "--frobnicate"/ },
  { args: ['app', '--framework', 'django'], message: /--framework must be one of: none, express, fastify, hono, nextjs, fastapi, flask \(got "django"\)/ },
  { args: ['app', '--runtime', 'ruby'], message: /--runtime must be one of: node, bun, deno, python \(got "ruby"\)/ },
  { args: ['app', '--framework', 'flask'], message: /--framework flask does not run on --runtime node; frameworks for node: none, express, fastify, hono, nextjs/ },
  { args: ['app', '--runtime', 'python', '--framework', 'express'], message: /--framework express does not run on --runtime python; frameworks for python: none, fastapi, flask/ },
  { args: ['app', '--runtime', 'python', '--package-manager', 'npm'], message: /--package-manager npm does not install --runtime python projects; for python: pip/ },
  { args: ['app', '--runtime', 'python', '--name', '@scope/app'], message: /--name: "@scope\/app" is not a valid Python project name/ },
  { args: ['app', '--runtime', 'python', '--name', 'app-'], message: /--name: "app-" is not a valid Python project name/ },
  { args: ['app', '--provider', 'gemini'], message: /--provider must be one of: openai, anthropic, openai-compatible/ },
  { args: ['app', '--package-manager', 'yarnpkg'], message: /--package-manager must be one of: npm, pnpm, yarn, bun, deno, pip/ },
  { args: ['app', '--runtime', 'bun', '--framework', 'express'], message: /--framework express does not run on --runtime bun; frameworks for bun: none, hono/ },
  { args: ['app', '--runtime', 'deno', '--package-manager', 'npm'], message: /--package-manager npm does not install --runtime deno projects; for deno: deno/ },
  { args: ['app', '--package-manager', 'pip'], message: /--package-manager pip does not install --runtime node projects; for node: npm, pnpm, yarn, bun/ },
  { args: ['app', '--conflict', 'merge'], message: /--conflict must be one of: prompt, skip, overwrite, abort/ },
  { args: ['app', '--provider', 'openai', '--provider', 'anthropic'], message: /--provider was given more than once/ },
  { args: ['app', '--install', '--no-install'], message: /--no-install was given more than once \(first as --install\)/ },
  { args: ['app', '--runtime'], message: /--runtime needs a value/ },
  { args: ['app', '--yes=no'], message: /--yes is a switch and takes no value/ },
  { args: ['app', 'other'], message: /expected at most one directory, got 2/ },
  { args: ['app', '--name', 'Bad Name'], message: /--name: "Bad Name" is not a valid npm package name/ },
  { args: ['app', '--name', 'x; touch PWNED'], message: /--name: .* is not a valid npm package name/ },
  { args: ['app', '--name', '../escape'], message: /--name: .* is not a valid npm package name/ },
  { args: ['My App'], message: /--name is needed: the folder name "My App" is not a valid package name[\s\S]*--name my-app/ },
  { args: ['bad\u0007dir'], message: /contains a control character/ },
];

describe('bad command lines exit 2, say why, and write nothing', () => {
  for (const { args, message } of badCommandLines) {
    test(`${JSON.stringify(args)}`, async () => {
      const cwd = await tempDir();
      // Should a bug let one through, it must not install or init git on the way.
      const safety = ['--no-install', '--no-git'].filter((flag) => !args.some((arg) => arg.endsWith(flag.slice(5))));
      const { exitCode, stderr, stdout } = await runCli([...args, ...safety], { cwd });
      assert.equal(exitCode, 2, stderr);
      assert.match(stderr, message);
      assert.equal(stdout, '');
      assert.deepEqual(await snapshotTree(cwd), {});
    });
  }

  test('--json failures are one JSON object on stdout with the usage code', async () => {
    const cwd = await tempDir();
    const { exitCode, stdout } = await runCli(['app', '--framework', 'django', '--json'], { cwd });
    assert.equal(exitCode, 2);
    const result = JSON.parse(stdout);
    assert.equal(result.ok, false);
    assert.equal(result.error.code, 'usage');
    assert.match(result.error.message, /--framework must be one of/);
  });

  test('a directory argument that is a file', async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, 'taken'), 'mine');
    const { exitCode, stderr } = await runCli(['taken', '--yes', '--no-install', '--no-git'], { cwd });
    assert.equal(exitCode, 2);
    assert.match(stderr, /taken exists and is not a directory/);
    assert.equal(await readFile(path.join(cwd, 'taken'), 'utf8'), 'mine');
  });
});
