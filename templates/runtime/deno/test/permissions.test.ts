import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { runCommandOf } from './support/deno-json.ts';
import { childEnv, fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { PROJECT_ROOT } from './support/project-root.ts';
import { allowingNet, appFlags, runDeno, spawnDeno, testAddresses } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

// The app as `deno task start` runs it, with the task's own flags (test/support/run.ts).
const { entry } = runCommandOf('start');
const isServer = entry === 'src/server.ts';
const flags = appFlags();
const allowedVariables = (flags.find((flag) => flag.startsWith('--allow-env='))?.slice('--allow-env='.length) ?? '').split(',');
const withoutFlag = (name: string) => flags.filter((flag) => !flag.startsWith(`${name}=`) && flag !== name);
const STACK_FRAME = /\n\s+at .+:\d+:\d+/;

const fake = fakeProviderForFile();
/** The test environment: the fake provider, and for a server a free loopback port. */
const appEnv = () => childEnv({ ...fakeProviderEnv(fake), ...(isServer ? { HOST: '127.0.0.1', PORT: '0' } : {}) });
after(() => fake.close());
beforeEach(() => fake.reset());

interface Outcome {
  /** The app answered: exit 0 (script) or HTTP 200 (server). */
  ok: boolean;
  /** Exit code (script) or HTTP status (server). */
  status: number | null;
  /** Everything the app printed, and for a server its HTTP body. */
  output: string;
}

/** Starts src/server.ts with `runFlags`, asks it once, stops it. */
async function askServer(runFlags: string[], env: Record<string, string>): Promise<Outcome> {
  const child = spawnDeno(runFlags, entry, [], env);
  const exited = once(child, 'exit');
  let stderr = '';
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}: ${stderr}`)));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const listening = /"msg":"server\.listening".*"port":(\d+)/.exec(stderr);
        if (listening?.[1]) resolve(listening[1]);
      });
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi' }),
    });
    const body = await response.text();
    return { ok: response.status === 200, status: response.status, output: `${body}\n${stderr}` };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Runs the app once with `runFlags`: the script with a prompt, or the server with one request. */
async function askApp(runFlags: string[], env: Record<string, string>): Promise<Outcome> {
  if (isServer) return askServer(runFlags, env);
  const { code, stdout, stderr } = await runDeno(runFlags, entry, ['hi'], env);
  return { ok: code === 0, status: code, output: `${stdout}\n${stderr}` };
}

/** Runs test/support/env-probe.ts with `runFlags`: what each variable reads as. */
async function probeVariables(runFlags: string[], env: Record<string, string>, names: string[]): Promise<Record<string, string>> {
  const { code, stdout, stderr } = await runDeno(runFlags, 'test/support/env-probe.ts', names, env);
  assert.equal(code, 0, stderr);
  assertNoSentinel(stdout + stderr, 'probe output');
  return JSON.parse(stdout) as Record<string, string>;
}

describe(`the permissions of deno task start (${entry})`, () => {
  test('only the listed variables can be read; any other throws NotCapable', async () => {
    // Not HOME: Deno itself would use it. (Any program may read a few of Deno's own,
    // such as NO_COLOR and NODE_OPTIONS.)
    const unlisted = ['AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'DATABASE_URL', 'OPENAI_ORG_ID', 'ANTHROPIC_AUTH_TOKEN'].filter(
      (name) => !allowedVariables.includes(name),
    );
    const env = childEnv(Object.fromEntries([...allowedVariables, ...unlisted].map((name) => [name, SENTINEL])));
    const report = await probeVariables(flags, env, [...allowedVariables, ...unlisted]);
    for (const name of allowedVariables) assert.equal(report[name], 'set', name);
    for (const name of unlisted) assert.equal(report[name], 'NotCapable', name);
  });

  test('Deno reads --env-file itself: the task needs no --allow-read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
    try {
      const file = join(dir, '.env');
      writeFileSync(file, 'AI_MODEL=model-from-the-env-file\n');
      const report = await probeVariables([...flags, `--env-file=${file}`], childEnv({}), ['AI_MODEL']);
      assert.equal(report['AI_MODEL'], 'set');
      assert.ok(!flags.some((flag) => flag.startsWith('--allow-read')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the SDK client builds with exactly these variables, and without any extra it fails', async () => {
    const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    const extras = allowedVariables.filter((name) => !new RegExp(`^(?:#\\s*)?${name}=`, 'm').test(example));
    const env = childEnv(fakeProviderEnv(fake));
    const built = await runDeno(flags, 'test/support/build-ai.ts', [], env);
    assert.equal(built.code, 0, built.stderr);
    // Each variable granted beyond .env.example must be one the SDK cannot do without.
    for (const extra of extras) {
      const list = allowedVariables.filter((name) => name !== extra).join(',');
      const without = await runDeno([...withoutFlag('--allow-env'), `--allow-env=${list}`], 'test/support/build-ai.ts', [], env);
      assert.notEqual(without.code, 0, `${extra} is granted but not needed`);
      assert.match(without.stderr, new RegExp(`NotCapable: Requires env access to "${extra}"`));
    }
  });

  test('a host not in --allow-net gets no request, and the app answers with a safe error', async () => {
    const env = appEnv();
    // Control: with the fake provider's address added, the same run reaches it.
    const reached = await askApp(allowingNet(flags, testAddresses(env)), env);
    assert.ok(reached.ok, reached.output);
    assert.equal(fake.requests.length, 1);

    fake.reset();
    // The task's own flags (a server may listen on its test port): the fake is not listed.
    const blocked = await askApp(allowingNet(flags, isServer ? [`${env['HOST']}:${env['PORT']}`] : []), env);
    assert.equal(fake.requests.length, 0, 'the unlisted host was reached');
    assert.equal(blocked.status, isServer ? 503 : 1, blocked.output);
    assert.match(blocked.output, /"kind":"unavailable"/);
    assertNoSentinel(blocked.output, 'output');
    assert.doesNotMatch(blocked.output, STACK_FRAME);
  });

  test('without --allow-env the app fails closed: exit 2, no start, no provider call, no secret printed', async () => {
    const env = appEnv();
    const { code, stdout, stderr } = await runDeno(allowingNet(withoutFlag('--allow-env'), testAddresses(env)), entry, ['hi'], env);
    // A configuration error like any other: exit 2, one line naming a variable, no stack.
    assert.equal(code, 2, stderr);
    assert.match(stderr, /^The environment cannot be read: Requires env access to "[A-Z_]+"/m);
    assert.doesNotMatch(stderr, STACK_FRAME);
    assert.doesNotMatch(stderr, /server\.listening/);
    assert.equal(fake.requests.length, 0);
    assertNoSentinel(stdout + stderr, 'output');
  });
});
