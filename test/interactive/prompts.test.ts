import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VERSIONS } from '../../src/layers/versions.ts';
import { after, describe, test } from 'node:test';
import { CLI } from '../support/paths.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { tempDir } from '../support/temp-dir.ts';
import { Terminal } from '../support/terminal.ts';

const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const terminals: Terminal[] = [];
after(() => Promise.all(terminals.map((terminal) => terminal.close())));

async function open(cwd: string, args: string[] = [], options: { columns?: number; env?: Record<string, string> } = {}) {
  const terminal = await Terminal.start([process.execPath, CLI, ...args], { cwd, ...options, env: { ...GIT_IDENTITY, ...options.env } });
  terminals.push(terminal);
  return terminal;
}

const QUESTIONS = [
  /Where should the project be created\?/,
  /Which runtime\?/,
  /Which framework\?/,
  /Which AI provider\?/,
  /Which package manager\?/,
  /Install dependencies with npm now\?/,
  /Initialize a git repository\?/,
];

describe('interactive prompts in a real terminal', () => {
  test('a person picks Express and an OpenAI-compatible endpoint with arrow keys, fixes a typo, skips install', async () => {
    const cwd = await tempDir();
    const terminal = await open(cwd);
    await terminal.waitFor(QUESTIONS[0]!);
    await terminal.press(...Array<string>(13).fill('BSpace'));
    await terminal.type('my-apq');
    await terminal.press('BSpace');
    await terminal.type('p');
    await terminal.press('Enter');
    await terminal.waitFor(QUESTIONS[1]!);
    await terminal.press('Enter');
    await terminal.waitFor(QUESTIONS[2]!);
    await terminal.press('Down', 'Enter');
    await terminal.waitFor(QUESTIONS[3]!);
    await terminal.press('Down', 'Down', 'Enter');
    await terminal.waitFor(QUESTIONS[4]!);
    await terminal.press('Enter');
    await terminal.waitFor(QUESTIONS[5]!);
    await terminal.press('Right', 'Enter');
    await terminal.waitFor(QUESTIONS[6]!);
    await terminal.press('Enter');
    const screen = await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.match(screen, /AI_API_KEY/);
    const target = path.join(cwd, 'my-app');
    const manifest = JSON.parse(await readFile(path.join(target, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-app');
    assert.ok(manifest.dependencies.express && manifest.dependencies.openai);
    assert.match(await readFile(path.join(target, '.env.example'), 'utf8'), /^AI_BASE_URL=$/m);
    await readFile(path.join(target, '.git', 'HEAD'));
    assert.ok(!Object.keys(await snapshotTree(target)).some((entry) => entry.startsWith('node_modules')));
  });

  for (const [index, question] of QUESTIONS.entries()) {
    test(`Ctrl-C at question ${index + 1} exits 130 and leaves nothing behind`, async () => {
      const cwd = await tempDir();
      const terminal = await open(cwd);
      for (const earlier of QUESTIONS.slice(0, index)) {
        await terminal.waitFor(earlier);
        await terminal.press('Enter');
      }
      await terminal.waitFor(question);
      await terminal.press('C-c');
      assert.equal(await terminal.exitCode(), 130);
      assert.deepEqual(await snapshotTree(cwd), {});
    });
  }

  test('a person picks Python and FastAPI: no package manager question, pip and .venv are named', async () => {
    const cwd = await tempDir();
    const terminal = await open(cwd, ['py-app']);
    await terminal.waitFor(QUESTIONS[1]!);
    // Node.js, Bun, Deno, Python.
    await terminal.press('Down', 'Down', 'Down', 'Enter');
    const frameworks = await terminal.waitFor(QUESTIONS[2]!);
    assert.match(frameworks, /FastAPI/);
    assert.doesNotMatch(frameworks, /Express|Next\.js/, 'only the frameworks that run on Python are offered');
    await terminal.press('Down', 'Enter');
    await terminal.waitFor(QUESTIONS[3]!);
    await terminal.press('Down', 'Enter');
    await terminal.waitFor(/Create \.venv and install the project into it with pip now\?/);
    await terminal.press('Right', 'Enter');
    await terminal.waitFor(QUESTIONS[6]!);
    await terminal.press('Right', 'Enter');
    const screen = await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.doesNotMatch(screen, /Which package manager/);
    assert.match(screen, /python -m venv \.venv/);
    const pyproject = await readFile(path.join(cwd, 'py-app', 'pyproject.toml'), 'utf8');
    assert.match(pyproject, /^name = "py-app"$/m);
    assert.match(pyproject, /"fastapi==[\d.]+"/);
    assert.match(pyproject, /"anthropic==[\d.]+"/);
  });

  test('after `bun create` the runtime question starts on Bun: Hono on Bun, installed with bun', async () => {
    const cwd = await tempDir();
    const terminal = await open(cwd, ['bun-app'], { env: { npm_config_user_agent: 'bun/1.4.5 npm/? node/v24.0.0 linux x64' } });
    await terminal.waitFor(QUESTIONS[1]!);
    await terminal.press('Enter');
    const frameworks = await terminal.waitFor(QUESTIONS[2]!);
    assert.match(frameworks, /Hono/);
    assert.doesNotMatch(frameworks, /Express|Next\.js|FastAPI/, 'only the frameworks that run on Bun are offered');
    await terminal.press('Down', 'Enter');
    await terminal.waitFor(QUESTIONS[3]!);
    await terminal.press('Enter');
    await terminal.waitFor(/Install dependencies with bun now\?/);
    await terminal.press('Right', 'Enter');
    await terminal.waitFor(QUESTIONS[6]!);
    await terminal.press('Right', 'Enter');
    const screen = await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.doesNotMatch(screen, /Which package manager/);
    assert.match(screen, /bun install/);
    const manifest = JSON.parse(await readFile(path.join(cwd, 'bun-app', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.engines, { bun: VERSIONS.bun });
    assert.ok(manifest.dependencies.hono);
  });

  test('40 columns, NO_COLOR and TERM=dumb still work end to end', async () => {
    const cwd = await tempDir();
    const terminal = await open(cwd, ['narrow', '--no-install'], { columns: 40, env: { NO_COLOR: '1', TERM: 'dumb' } });
    for (const question of QUESTIONS.slice(1, 5)) {
      await terminal.waitFor(question);
      await terminal.press('Enter');
    }
    await terminal.waitFor(QUESTIONS[6]!);
    await terminal.press('Right', 'Enter');
    const screen = await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.doesNotMatch(screen, /\u001b\[3\dm/, 'no colour codes reach the screen');
    await readFile(path.join(cwd, 'narrow', 'src', 'main.ts'));
  });

  test('a conflicting file is asked about, and "Keep mine" keeps it', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'app'));
    await writeFile(path.join(cwd, 'app', 'README.md'), '# mine\n');
    const terminal = await open(cwd, ['app', '--runtime', 'node', '--framework', 'none', '--provider', 'openai', '--package-manager', 'npm', '--no-install', '--no-git']);
    await terminal.waitFor(/README\.md already exists and differs/);
    await terminal.press('Enter');
    await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.equal(await readFile(path.join(cwd, 'app', 'README.md'), 'utf8'), '# mine\n');
  });
});
