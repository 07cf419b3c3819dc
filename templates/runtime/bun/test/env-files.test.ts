import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { childEnv } from './support/env.ts';
import { PROJECT_ROOT } from './support/project-root.ts';
import { providerShape } from './support/provider-shape.ts';
import { PROGRAM_FLAGS, runBun } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

// Bun reads .env, .env.local and .env.<NODE_ENV> (and more) into every process it
// starts, unless told not to. A developer's real key in .env must never reach the
// tests, and `start` must read .env only. Each test plants env files in a scratch
// folder (never the project's own) and runs the config check there with Bun.

const LOAD_CONFIG = join(PROJECT_ROOT, 'test/support/load-config.ts');
const ENV_FILES = ['.env', '.env.local', '.env.development', '.env.production', '.env.test', '.env.production.local', '.env.test.local'];
const validConfig = {
  [providerShape.keyEnv]: SENTINEL,
  [providerShape.baseUrlEnv]: 'https://api.example.com/v1',
  ...providerShape.requiredEnv,
};
const lines = (vars: Record<string, string>) => Object.entries(vars).map(([name, value]) => `${name}=${value}\n`).join('');

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A scratch folder holding `files` and, unless told otherwise, the project's bunfig.toml. */
function scratch(files: Record<string, string>, withBunfig = true): string {
  const folder = mkdtempSync(join(tmpdir(), 'env-files-'));
  folders.push(folder);
  if (withBunfig) copyFileSync(join(PROJECT_ROOT, 'bunfig.toml'), join(folder, 'bunfig.toml'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

/** Every env file Bun knows of, each holding a complete config with the key. */
const everyEnvFileWithAKey = () => Object.fromEntries(ENV_FILES.map((name) => [name, lines(validConfig)]));

// Only PATH, as for every child of the tests; Bun's own folder first, so `bun` is found.
const bunEnv = (vars: Record<string, string> = {}) =>
  childEnv({ ...vars, PATH: [dirname(process.execPath), process.env['PATH']].filter(Boolean).join(delimiter) });

async function expectMissingKey(args: string[], cwd: string, vars: Record<string, string> = {}): Promise<void> {
  const { code, stdout, stderr } = await runBun(args, bunEnv(vars), '', cwd);
  assert.equal(code, 2, `exited ${code}: ${stderr}`);
  assert.match(stderr, new RegExp(`\\b${providerShape.keyEnv}\\b`));
  assertNoSentinel(stdout + stderr, 'output');
}

test('programs the tests start read no env file, even with a key in every one', async () => {
  // Without bunfig.toml: the flags of test/support/run.ts alone keep the files out.
  const folder = scratch(everyEnvFileWithAKey(), false);
  await expectMissingKey([...PROGRAM_FLAGS, LOAD_CONFIG], folder);
  await expectMissingKey([...PROGRAM_FLAGS, LOAD_CONFIG], folder, { NODE_ENV: 'production' });
});

test("the project's bunfig.toml alone stops Bun from loading env files", async () => {
  const folder = scratch(everyEnvFileWithAKey());
  await expectMissingKey([LOAD_CONFIG], folder);
  await expectMissingKey([LOAD_CONFIG], folder, { NODE_ENV: 'production' });
  await expectMissingKey([LOAD_CONFIG], folder, { NODE_ENV: 'test' });
});

test('`bun test` itself loads no env file', async () => {
  // Compares without printing the value, should it ever be there.
  const probe = `import { expect, test } from 'bun:test';\ntest('no key', () => expect(process.env['${providerShape.keyEnv}'] === undefined).toBe(true));\n`;
  const folder = scratch({ ...everyEnvFileWithAKey(), 'probe.test.ts': probe });
  const { code, stdout, stderr } = await runBun(['test', './probe.test.ts'], bunEnv(), '', folder);
  assert.equal(code, 0, stdout + stderr);
  assert.match(stderr, /\b1 pass\b/);
  assertNoSentinel(stdout + stderr, 'output');
});

test('`bun run start` reads .env and nothing else, whatever NODE_ENV says', async () => {
  const start = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const entry = /\s(\S+)$/.exec(start)?.[1] ?? '';
  assert.ok(entry.length > 0, `no entry in: ${start}`);
  // The project's start script, running the config check instead of the entry.
  const manifest = JSON.stringify({ private: true, scripts: { start: start.slice(0, -entry.length) + LOAD_CONFIG } });
  const poisoned = lines({ LOG_LEVEL: 'loud', AI_TIMEOUT_MS: SENTINEL });
  const files = Object.fromEntries(ENV_FILES.map((name) => [name, name === '.env' ? lines(validConfig) : poisoned]));
  for (const nodeEnv of [undefined, 'production', 'development', 'test']) {
    const folder = scratch({ ...files, 'package.json': manifest });
    const { code, stdout, stderr } = await runBun(['run', 'start'], bunEnv(nodeEnv ? { NODE_ENV: nodeEnv } : {}), '', folder);
    assert.equal(code, 0, `NODE_ENV=${nodeEnv}: ${stderr}`);
    assert.match(stdout, /config ok/);
    assertNoSentinel(stdout + stderr, 'output');
  }
  // And with no .env at all, start runs without it (the config check then names the key).
  const bare = scratch({ 'package.json': manifest, '.env.local': lines(validConfig) });
  await expectMissingKey(['run', 'start'], bare);
});
