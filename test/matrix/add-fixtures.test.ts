import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { PROVIDERS } from '../../src/options/catalog.ts';
import { FIXTURES, type ExistingProjectFixture } from '../fixtures/existing-projects.ts';
import { FIXTURE_SENTINEL, materialize } from '../support/existing-project.ts';
import { npmIn, withNodeLts } from '../support/generated-project.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Enough environment for createSecureAi() to start; nothing is ever sent anywhere. */
const KEY_ENV: Record<string, Record<string, string>> = {
  openai: { OPENAI_API_KEY: FIXTURE_SENTINEL },
  anthropic: { ANTHROPIC_API_KEY: FIXTURE_SENTINEL },
  'openai-compatible': { AI_API_KEY: FIXTURE_SENTINEL, AI_BASE_URL: 'http://127.0.0.1:9/v1', AI_MODEL: 'm' },
};

function assertTestsRan(output: string) {
  assert.match(output, /\bpass [1-9]\d*\b/, 'tests actually ran');
  assert.match(output, /\bfail 0\b/);
}

/**
 * Pastes the printed wiring into the fixture's app factory, exactly as shown: import
 * lines at the top, the call right after the app is created.
 */
async function applyWiring(root: string, appFile: string, nextSteps: readonly string[]) {
  const code = nextSteps.filter((line) => /^(import|const \{ \w+ \} = require|\s*(await )?mountSecureAi)/.test(line));
  const imports = code.filter((line) => !line.includes('mountSecureAi(app'));
  const call = code.find((line) => line.includes('mountSecureAi(app'));
  assert.ok(call && imports.length === 2, nextSteps.join('\n'));
  const file = path.join(root, appFile);
  const source = await readFile(file, 'utf8');
  const creation = /^( *)const app = .+$/m.exec(source);
  assert.ok(creation, `${appFile} creates \`app\``);
  const [line, indent] = creation;
  await writeFile(file, `${imports.join('\n')}\n${source.replace(line, `${line}\n${indent}${call}`)}`);
}

/** Starts the wired app (from `entry`, compiled if need be) and asks our health route and one of the app's own. */
async function probe(root: string, entry: string, ownPath: string, env: Record<string, string>) {
  const script = `
    const { createApp } = await import(${JSON.stringify(entry)});
    const server = createApp().listen(0, '127.0.0.1', async () => {
      const base = 'http://127.0.0.1:' + server.address().port;
      const out = [];
      for (const p of ['/ai/health', ${JSON.stringify(ownPath)}]) out.push((await fetch(base + p)).status);
      console.log(JSON.stringify(out));
      server.close();
    });`;
  const result = await execa('node', ['--input-type=module', '--eval', script], { cwd: root, env: { ...withNodeLts(), ...env }, reject: false, all: true });
  assert.equal(result.exitCode, 0, result.all);
  assert.deepEqual(JSON.parse(result.stdout.trim().split('\n').at(-1)!), [200, 200]);
  assert.ok(!result.all.includes(FIXTURE_SENTINEL), 'the key reached the output');
}

/** Where to paste the wiring; `probe` starts the result (Express factories only) and asks it. */
const WIRED: Record<string, { appFile: string; build?: string[]; probe?: { entry: string; ownPath: string } }> = {
  'express-js-commonjs': { appFile: 'index.js', probe: { entry: './index.js', ownPath: '/' } },
  'express-ts': { appFile: 'src/app.ts', build: ['run', 'build'], probe: { entry: './dist/app.js', ownPath: '/orders' } },
  'express-ts-commonjs': { appFile: 'src/app.ts', build: ['run', 'build'], probe: { entry: './dist/app.js', ownPath: '/invoices' } },
  // Compiling with the lines pasted in proves the printed imports resolve and type-check.
  'hono-ts': { appFile: 'src/index.ts', build: ['run', 'build'] },
};

describe('adding to existing projects: install, their own checks, our checks, the wiring', () => {
  for (const [index, fixture] of FIXTURES.entries()) {
    const provider = PROVIDERS[index % PROVIDERS.length]!;
    test(`${fixture.name} (${provider})`, async (t) => {
      const root = await materialize(await tempDir(), fixture as ExistingProjectFixture);
      if (fixture.ownCheckNeedsInstall) assert.equal((await npmIn(root, ['install'])).exitCode, 0);
      const before = await npmIn(root, fixture.ownCheck);
      assert.equal(before.exitCode, 0, `the fixture passes its own check before: ${before.output.slice(-3000)}`);

      const started = Date.now();
      const add = await runCli(['.', '--yes', '--json', '--provider', provider], { cwd: root, env: withNodeLts() });
      assert.equal(add.exitCode, 0, add.stdout + add.stderr);
      const result = JSON.parse(add.stdout);
      assert.deepEqual(result.steps, ['npm install'], 'installed the added dependencies with the project\'s package manager');
      const addSeconds = (Date.now() - started) / 1000;

      const after = await npmIn(root, fixture.ownCheck);
      assert.equal(after.exitCode, 0, `its own check still passes: ${after.output.slice(-3000)}`);
      const checks = await npmIn(root, ['run', 'test:ai']);
      assert.equal(checks.exitCode, 0, checks.output.slice(-4000));
      assertTestsRan(checks.output);
      if (!fixture.expected.typescript) {
        const typecheck = await npmIn(root, ['run', 'typecheck:ai']);
        assert.equal(typecheck.exitCode, 0, typecheck.output.slice(-3000));
      }

      const wired = WIRED[fixture.name];
      if (wired) {
        await applyWiring(root, wired.appFile, result.nextSteps);
        if (wired.build) {
          const build = await npmIn(root, wired.build);
          assert.equal(build.exitCode, 0, `builds with the wiring pasted in: ${build.output.slice(-3000)}`);
        }
        if (wired.probe) await probe(root, wired.probe.entry, wired.probe.ownPath, KEY_ENV[provider]!);
      }
      t.diagnostic(`${fixture.name}: add+install ${addSeconds.toFixed(1)} s, test:ai ${checks.seconds.toFixed(1)} s, ${/\bpass (\d+)/.exec(checks.output)?.[1]} checks`);
    });
  }
});
