import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { childEnv, fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { providerShape } from './support/provider-shape.ts';
import { runProgram } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

const runMain = (args: string[], vars: Record<string, string | undefined>, stdin = '') =>
  runProgram('src/main.ts', args, childEnv(vars), stdin);

function assertClean(stdout: string, stderr: string): void {
  assertNoSentinel(stdout, 'stdout');
  assertNoSentinel(stderr, 'stderr');
  assert.doesNotMatch(stdout + stderr, /\n\s+at .+:\d+:\d+/, 'a stack trace was printed');
}

describe('the script (src/main.ts)', () => {
  test('prints the reply for a prompt given as an argument', async () => {
    fake.reply = 'Paris.';
    const { code, stdout, stderr } = await runMain(['What is the capital', 'of France?'], fakeProviderEnv(fake));
    assert.equal(code, 0, stderr);
    assert.equal(stdout, 'Paris.\n');
    assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['What is the capital of France?']);
    assertClean(stdout, stderr);
  });

  test('reads the prompt from stdin when there is no argument', async () => {
    const { code, stdout } = await runMain([], fakeProviderEnv(fake), 'Hello from stdin\n');
    assert.equal(code, 0);
    assert.equal(stdout, `${fake.reply}\n`);
    assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['Hello from stdin']);
  });

  test('a config error exits 2 naming the variable, never its value', async () => {
    const missing = await runMain(['hi'], fakeProviderEnv(fake, { [providerShape.keyEnv]: '' }));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, new RegExp(providerShape.keyEnv));
    const invalid = await runMain(['hi'], fakeProviderEnv(fake, { AI_MAX_RETRIES: SENTINEL }));
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /AI_MAX_RETRIES/);
    assertClean(invalid.stdout, invalid.stderr);
    assert.equal(fake.requests.length, 0);
  });

  test('a 401 echoing the key exits 1 with one safe line and no key anywhere', async () => {
    fake.mode = 'auth';
    const { code, stdout, stderr } = await runMain(['hi'], fakeProviderEnv(fake));
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /^Error: The AI provider rejected the credentials/m);
    assertClean(stdout, stderr);
  });

  test('oversize input exits 1 without calling the provider', async () => {
    const { code, stderr } = await runMain(['x'.repeat(20)], fakeProviderEnv(fake, { AI_MAX_INPUT_CHARS: '10' }));
    assert.equal(code, 1);
    assert.match(stderr, /^Error: /m);
    assert.equal(fake.requests.length, 0);
  });

  test('a slow provider exits 1 after AI_TIMEOUT_MS', async () => {
    fake.mode = 'slow';
    const { code, stderr } = await runMain(['hi'], fakeProviderEnv(fake, { AI_TIMEOUT_MS: '300' }));
    assert.equal(code, 1);
    assert.match(stderr, /did not answer in time/);
  });
});
