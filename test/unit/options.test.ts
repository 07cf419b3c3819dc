import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommandLine } from '../../src/cli/parse-args.ts';
import { detectPackageManager, suggestedRuntime } from '../../src/options/defaults.ts';
import { packageNameProblem, pythonProjectNameProblem, suggestPackageName } from '../../src/options/names.ts';
import { resolveOptions, type Prompter } from '../../src/options/resolve.ts';

/** A prompter that answers from a script and records what it was asked. */
function scriptedPrompter(answers: unknown[]) {
  const asked: string[] = [];
  /** Where each choice question started (its initial value). */
  const startedOn: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    return Promise.resolve(answers.shift());
  };
  const prompter: Prompter = {
    text: (_key, message) => next(message) as Promise<string>,
    choice: (message, _choices, initialValue) => (startedOn.push(initialValue), next(message) as Promise<never>),
    yesNo: (message) => next(message) as Promise<boolean>,
  };
  return { prompter, asked, startedOn };
}

describe('resolving options', () => {
  test('without a prompter every open option takes its default', async () => {
    const options = await resolveOptions(parseCommandLine(['app']), { env: {}, prompter: undefined });
    assert.deepEqual(options, { directory: 'app', name: 'app', runtime: 'node', framework: 'none', provider: 'openai', packageManager: 'npm', install: true, git: true, conflict: 'abort' });
  });

  test('interactive: asks only what the flags left open, in order', async () => {
    const { prompter, asked } = scriptedPrompter(['my-dir', 'node', 'express', 'anthropic', false, true]);
    const options = await resolveOptions(parseCommandLine(['--package-manager', 'pnpm']), { env: {}, prompter });
    assert.deepEqual(asked, ['Where should the project be created?', 'Which runtime?', 'Which framework?', 'Which AI provider?', 'Install dependencies with pnpm now?', 'Initialize a git repository?']);
    assert.equal(options.framework, 'express');
    assert.equal(options.conflict, 'prompt');
  });

  test('interactive Python: no package manager question, even when npm runs us; pip and .venv named', async () => {
    const { prompter, asked } = scriptedPrompter(['py', 'python', 'flask', 'openai', true, false]);
    const options = await resolveOptions(parseCommandLine([]), { env: { npm_config_user_agent: 'npm/11.0.0 node/v20' }, prompter });
    assert.deepEqual(asked, ['Where should the project be created?', 'Which runtime?', 'Which framework?', 'Which AI provider?', 'Create .venv and install the project into it with pip now?', 'Initialize a git repository?']);
    assert.deepEqual({ runtime: options.runtime, framework: options.framework, packageManager: options.packageManager }, { runtime: 'python', framework: 'flask', packageManager: 'pip' });
  });

  test('without a prompter, --runtime python installs with pip whatever launched us', async () => {
    const options = await resolveOptions(parseCommandLine(['app', '--runtime', 'python']), { env: { npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v22' }, prompter: undefined });
    assert.equal(options.packageManager, 'pip');
  });

  test('interactive Bun and Deno: no package manager question; each installs with itself', async () => {
    for (const runtime of ['bun', 'deno'] as const) {
      const { prompter, asked } = scriptedPrompter(['app', runtime, 'hono', 'openai', true, false]);
      const options = await resolveOptions(parseCommandLine([]), { env: { npm_config_user_agent: 'npm/11.0.0 node/v20' }, prompter });
      assert.deepEqual(asked, ['Where should the project be created?', 'Which runtime?', 'Which framework?', 'Which AI provider?', `Install dependencies with ${runtime} now?`, 'Initialize a git repository?']);
      assert.deepEqual({ runtime: options.runtime, packageManager: options.packageManager }, { runtime, packageManager: runtime });
    }
  });

  test('after `bun create` the runtime question starts on Bun; without prompts the default stays node', async () => {
    const bunCreate = { npm_config_user_agent: 'bun/1.4.5 npm/? node/v24.0.0 linux x64' };
    const { prompter, startedOn } = scriptedPrompter(['app', 'bun', 'none', 'openai', true, false]);
    await resolveOptions(parseCommandLine([]), { env: bunCreate, prompter });
    assert.equal(startedOn[0], 'bun');
    const options = await resolveOptions(parseCommandLine(['app']), { env: bunCreate, prompter: undefined });
    assert.deepEqual({ runtime: options.runtime, packageManager: options.packageManager }, { runtime: 'node', packageManager: 'bun' });
  });

  test('a Node project launched by Deno installs with npm (deno installs only Deno projects)', async () => {
    const options = await resolveOptions(parseCommandLine(['app']), { env: { npm_config_user_agent: 'deno/2.9.6 npm/? deno/2.9.6 linux x86_64' }, prompter: undefined });
    assert.deepEqual({ runtime: options.runtime, packageManager: options.packageManager }, { runtime: 'node', packageManager: 'npm' });
  });

  test('--package-manager must fit --runtime bun and deno', async () => {
    await assert.rejects(resolveOptions(parseCommandLine(['app', '--runtime', 'bun', '--package-manager', 'npm']), { env: {}, prompter: undefined }), /--package-manager npm does not install --runtime bun projects; for bun: bun/);
    await assert.rejects(resolveOptions(parseCommandLine(['app', '--runtime', 'node', '--package-manager', 'deno']), { env: {}, prompter: undefined }), /for node: npm, pnpm, yarn, bun/);
    await assert.rejects(resolveOptions(parseCommandLine(['app', '--runtime', 'deno', '--framework', 'express']), { env: {}, prompter: undefined }), /frameworks for deno: none, hono/);
  });

  test('a bad flag fails before the first question', async () => {
    const { prompter, asked } = scriptedPrompter([]);
    await assert.rejects(resolveOptions(parseCommandLine(['--provider', 'nope']), { env: {}, prompter }), /--provider must be one of/);
    assert.deepEqual(asked, []);
  });

  test('an invalid folder name is asked for as a package name, with a suggestion', async () => {
    const { prompter, asked } = scriptedPrompter(['my-app', 'node', 'none', 'openai', 'npm', true, true]);
    const options = await resolveOptions(parseCommandLine(['My App']), { env: {}, prompter });
    assert.equal(asked[0], 'Package name');
    assert.equal(options.name, 'my-app');
  });
});

describe('command line', () => {
  test('a lone -- (passed on by bun create and pnpm create) is dropped: options after it are options', () => {
    assert.deepEqual(parseCommandLine(['my-app', '--', '--runtime', 'bun', '--yes']), { directory: 'my-app', flags: { runtime: 'bun', yes: true } });
    assert.deepEqual(parseCommandLine(['--', 'my-app']), { directory: 'my-app', flags: {} });
  });
});

describe('package manager detection', () => {
  test('from the user agent of the package manager that runs us', () => {
    assert.equal(detectPackageManager({ npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v22.18.0 linux x64' }, {} as NodeJS.ProcessVersions), 'pnpm');
    assert.equal(detectPackageManager({ npm_config_user_agent: 'yarn/4.5.0 npm/? node/v22' }, {} as NodeJS.ProcessVersions), 'yarn');
    assert.equal(detectPackageManager({}, { bun: '1.2.0' } as unknown as NodeJS.ProcessVersions), 'bun');
    assert.equal(detectPackageManager({ npm_config_user_agent: 'cnpm/1.0' }, {} as NodeJS.ProcessVersions), undefined);
  });

  test('Bun and Deno by their own marks when they set no user agent', () => {
    const none = {} as NodeJS.ProcessVersions;
    assert.equal(detectPackageManager({ npm_execpath: '/home/u/.bun/bin/bun' }, none), 'bun');
    assert.equal(detectPackageManager({ npm_execpath: 'C:\\Users\\u\\.bun\\bin\\bun.exe' }, none), 'bun');
    assert.equal(detectPackageManager({}, { deno: '2.9.6' } as unknown as NodeJS.ProcessVersions), 'deno');
    assert.equal(detectPackageManager({ npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' }, none), undefined);
    assert.equal(suggestedRuntime({ npm_execpath: '/home/u/.bun/bin/bun' }, none), 'bun');
    assert.equal(suggestedRuntime({}, { deno: '2.9.6' } as unknown as NodeJS.ProcessVersions), 'deno');
    assert.equal(suggestedRuntime({ npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v22' }, none), 'node');
  });
});

describe('names', () => {
  for (const bad of ['', 'Caps', '.hidden', '_under', 'a b', 'x;rm', 'a/b', 'node_modules', 'x'.repeat(215), 'tab\tname']) {
    test(`${JSON.stringify(bad.slice(0, 20))} is refused`, () => assert.ok(packageNameProblem(bad)));
  }
  for (const good of ['app', '@scope/app', 'a.b-c_d', 'x'.repeat(214)]) {
    test(`${JSON.stringify(good.slice(0, 20))} is accepted`, () => assert.equal(packageNameProblem(good), undefined));
  }
  test('suggestions are valid names for npm and Python alike', () => {
    for (const folder of ['My App', '..', '  Ünïcode Dïr ', '___', '$$$', 'app~1', 'trailing-', 'x.']) {
      assert.equal(packageNameProblem(suggestPackageName(folder)), undefined, folder);
      assert.equal(pythonProjectNameProblem(suggestPackageName(folder)), undefined, folder);
    }
  });
  for (const bad of ['@scope/app', 'app-', 'app.', 'a~b']) {
    test(`${JSON.stringify(bad)} is no Python project name`, () => assert.ok(pythonProjectNameProblem(bad)));
  }
});
