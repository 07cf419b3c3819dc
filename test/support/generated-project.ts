import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { BUN_BIN_DIR, DENO_BIN_DIR, NODE_LTS_BIN_DIR } from './paths.ts';
import { pipIndexEnv } from './python.ts';
import { runCli, type CliRun } from './run-cli.ts';

export interface Combination {
  runtime: string;
  framework: string;
  provider: string;
}

/** PATH with the current LTS Node first (generated projects need Node >= 22.18), then Bun and Deno. */
export const withNodeLts = (): Record<string, string> => ({
  PATH: [NODE_LTS_BIN_DIR, BUN_BIN_DIR, DENO_BIN_DIR, process.env.PATH ?? ''].join(path.delimiter),
});

export const slug = ({ runtime, framework, provider }: Combination) => `${runtime}-${framework}-${provider}`;

/** Generates a project with the built CLI; `install` runs the CLI's own install step (real npm). */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

export async function generateProject(parent: string, combination: Combination, options: { install: boolean; git?: boolean }): Promise<{ run: CliRun; directory: string }> {
  const name = slug(combination);
  const run = await runCli(
    [name, '--runtime', combination.runtime, '--framework', combination.framework, '--provider', combination.provider, '--yes', options.git ? '--git' : '--no-git', options.install ? '--install' : '--no-install', '--json'],
    { cwd: parent, env: { ...withNodeLts(), ...GIT_IDENTITY, ...(combination.runtime === 'python' ? await pipIndexEnv() : {}) } },
  );
  return { run, directory: path.join(parent, name) };
}

/**
 * A package script or npm command inside a generated project, under the LTS Node.
 * NODE_TEST_CONTEXT must not leak from our own test runner: with it, the project's
 * `node --test` believes it is nested, runs no test file, and exits 0.
 */
export async function npmIn(directory: string, args: readonly string[], extraEnv: Record<string, string> = {}) {
  const started = Date.now();
  const env = { ...withNodeLts(), CI: '1', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: undefined, NODE_TEST_CONTEXT: undefined, ...extraEnv };
  const result = await execa('npm', args, { cwd: directory, env, reject: false, all: true, timeout: 600_000 });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? '', seconds: (Date.now() - started) / 1000 };
}

/** Counts installed packages (node_modules entries, scoped ones included). */
export async function packageCount(directory: string): Promise<number> {
  const modules = path.join(directory, 'node_modules');
  let count = 0;
  for (const entry of await readdir(modules).catch(() => [] as string[])) {
    if (entry.startsWith('.')) continue;
    count += entry.startsWith('@') ? (await readdir(path.join(modules, entry))).length : 1;
  }
  return count;
}

/**
 * Generates one combination with the CLI's own install step, then runs the project's
 * `npm run check`; fails unless tests really ran and none was skipped. Returns a line
 * of timings and tree size for the test's diagnostics.
 */
export async function assertCombinationPasses(parent: string, combination: Combination): Promise<string> {
  if (combination.runtime === 'python') return assertPythonCombinationPasses(parent, combination);
  if (combination.runtime === 'bun' || combination.runtime === 'deno') return assertBunOrDenoCombinationPasses(parent, combination);
  const started = Date.now();
  const { run, directory } = await generateProject(parent, combination, { install: true });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(JSON.parse(run.stdout).steps, ['npm install']);
  const installSeconds = (Date.now() - started) / 1000;
  const check = await npmIn(directory, ['run', 'check']);
  assert.equal(check.exitCode, 0, check.output.slice(-6000));
  assert.match(check.output, /\bpass [1-9]\d*\b/, 'tests actually ran');
  assert.match(check.output, /\bfail 0\b/);
  assert.match(check.output, /\bskipped 0\b/);
  return `${slug(combination)}: install ${installSeconds.toFixed(1)} s, check ${check.seconds.toFixed(1)} s, ${await packageCount(directory)} packages`;
}

/** A command in a generated project with the tools on PATH (see npmIn about NODE_TEST_CONTEXT). */
export async function runIn(directory: string, file: string, args: readonly string[]) {
  const started = Date.now();
  const env = { ...withNodeLts(), CI: '1', NODE_ENV: undefined, NODE_TEST_CONTEXT: undefined };
  const result = await execa(file, args, { cwd: directory, env, reject: false, all: true, timeout: 600_000 });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? '', seconds: (Date.now() - started) / 1000 };
}

/**
 * Bun and Deno: the CLI's own install step (`bun install`, `deno install`), then the
 * project's every check (`bun run check`, `deno task check`), whose test runner must
 * report tests that ran, none failed and none skipped (Bun: skip/todo; Deno: ignored).
 */
async function assertBunOrDenoCombinationPasses(parent: string, combination: Combination): Promise<string> {
  const runtime = combination.runtime;
  const started = Date.now();
  const { run, directory } = await generateProject(parent, combination, { install: true });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(JSON.parse(run.stdout).steps, [`${runtime} install`]);
  const installSeconds = (Date.now() - started) / 1000;
  const check = await runIn(directory, runtime, runtime === 'bun' ? ['run', 'check'] : ['task', 'check']);
  assert.equal(check.exitCode, 0, check.output.slice(-6000));
  const passed = runtime === 'bun' ? /^\s*(\d+) pass$/m.exec(check.output)?.[1] : /\| (\d+) passed\b/.exec(check.output)?.[1];
  assert.ok(Number(passed) > 0, `tests actually ran\n${check.output.slice(-3000)}`);
  if (runtime === 'bun') {
    assert.match(check.output, /^\s*0 fail$/m);
    assert.doesNotMatch(check.output, /^\s*[1-9]\d* (skip|todo)$/m);
  } else {
    assert.match(check.output, /\| 0 failed\b/);
    assert.doesNotMatch(check.output, /\b[1-9]\d* (ignored|filtered out)\b/);
  }
  return `${slug(combination)}: install ${installSeconds.toFixed(1)} s, check ${check.seconds.toFixed(1)} s, ${passed} tests`;
}

/**
 * A program from a generated Python project's `.venv`, as an activated shell would run
 * it: the venv's bin first on PATH, and VIRTUAL_ENV set.
 */
export async function venvIn(directory: string, file: string, args: readonly string[]) {
  const started = Date.now();
  const venv = path.join(directory, '.venv');
  const env = { PATH: `${path.join(venv, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, VIRTUAL_ENV: venv, PYTHONDONTWRITEBYTECODE: '1' };
  const result = await execa(file, args, { cwd: directory, env, reject: false, all: true, timeout: 600_000 });
  return { exitCode: result.exitCode ?? -1, output: result.all ?? '', seconds: (Date.now() - started) / 1000 };
}

/**
 * The Python counterpart: the CLI's own install step makes `.venv` and pip-installs the
 * project; then every check its CI runs (ruff check, ruff format --check, pytest) must
 * pass, with tests that really ran and none skipped.
 */
async function assertPythonCombinationPasses(parent: string, combination: Combination): Promise<string> {
  const started = Date.now();
  const { run, directory } = await generateProject(parent, combination, { install: true });
  assert.equal(run.exitCode, 0, run.stdout + run.stderr);
  assert.deepEqual(JSON.parse(run.stdout).steps, ['python3 -m venv .venv && .venv/bin/python -m pip install --editable ".[dev]"']);
  const installSeconds = (Date.now() - started) / 1000;
  for (const args of [['check', '.'], ['format', '--check', '.']]) {
    const lint = await venvIn(directory, 'ruff', args);
    assert.equal(lint.exitCode, 0, `ruff ${args.join(' ')}\n${lint.output.slice(-4000)}`);
  }
  const tests = await venvIn(directory, 'pytest', ['-q', '-p', 'no:cacheprovider']);
  assert.equal(tests.exitCode, 0, tests.output.slice(-6000));
  assert.match(tests.output, /\b[1-9]\d* passed\b/, 'tests actually ran');
  assert.doesNotMatch(tests.output, /\b(failed|skipped|error)\b/);
  const passed = /(\d+) passed/.exec(tests.output)?.[1];
  return `${slug(combination)}: install ${installSeconds.toFixed(1)} s, pytest ${tests.seconds.toFixed(1)} s, ${passed} tests`;
}
