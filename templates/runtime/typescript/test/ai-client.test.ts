import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { createAi } from '../src/ai/client.ts';
import { AiError } from '../src/ai/errors.ts';
import { SYSTEM_PROMPT } from '../src/ai/system-prompt.ts';
import { loadConfig } from '../src/config/env.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile, startFakeProvider } from './support/fake-provider.ts';
import { memoryLogger } from './support/memory-log.ts';
import { providerShape } from './support/provider-shape.ts';
import { assertNoSentinel } from './support/sentinel.ts';

// The real SDK, pointed at a fake provider on 127.0.0.1: what is asserted here
// is what actually goes over the wire.
const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

function makeAi(overrides: Record<string, string> = {}) {
  const log = memoryLogger('debug');
  const ai = createAi(loadConfig(fakeProviderEnv(fake, overrides)), log.logger);
  return { ai, log };
}

async function failure(promise: Promise<unknown>): Promise<AiError> {
  const error = await promise.then(
    () => assert.fail('expected an AiError'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof AiError, `expected an AiError, got ${String(error)}`);
  return error;
}

const userText = 'What is the capital of France?';

describe('AI client against the fake provider', () => {
  test('sends the key, model and output cap, and returns the reply', async () => {
    fake.reply = 'Paris.';
    const { ai } = makeAi({ AI_MAX_OUTPUT_TOKENS: '321', AI_MODEL: 'model-under-test' });
    assert.deepEqual(await ai.complete({ input: userText }), { text: 'Paris.' });
    assert.equal(fake.requests.length, 1);
    const [request] = fake.requests;
    assert.equal(request?.path, providerShape.endpointPath);
    assert.equal(providerShape.outputCap(request?.body), 321);
    assert.equal(providerShape.model(request?.body), 'model-under-test');
  });

  test('user text only in the user role, the system prompt only in the system slot', async () => {
    const { ai } = makeAi();
    await ai.complete({ input: `  ${userText}\n` });
    const body = fake.requests[0]?.body;
    assert.deepEqual(providerShape.userTexts(body), [userText]);
    assert.deepEqual(providerShape.systemTexts(body), [SYSTEM_PROMPT]);
    // Nowhere else in the request either.
    assert.equal(JSON.stringify(body).split(userText).length - 1, 1);
  });

  for (const [name, input] of [
    ['oversize', 'x'.repeat(51)],
    ['empty', '   '],
    ['control characters', 'hello\u0000world'],
    ['not text', { message: 'hi' }],
  ] as const) {
    test(`${name} input -> invalid_input and zero provider calls`, async () => {
      const { ai } = makeAi({ AI_MAX_INPUT_CHARS: '50' });
      const error = await failure(ai.complete({ input }));
      assert.equal(error.kind, 'invalid_input');
      assert.equal(fake.requests.length, 0);
    });
  }

  test('a provider slower than AI_TIMEOUT_MS -> timeout', async () => {
    fake.mode = 'slow';
    fake.slowMs = 3_000;
    const { ai } = makeAi({ AI_TIMEOUT_MS: '300' });
    const started = performance.now();
    const error = await failure(ai.complete({ input: userText }));
    assert.equal(error.kind, 'timeout');
    assert.ok(performance.now() - started < 2_500, 'the timeout was not applied');
  });

  test('AI_MAX_RETRIES is applied: retries = 1 means two attempts', async () => {
    fake.mode = 'server_error';
    const { ai } = makeAi({ AI_MAX_RETRIES: '1' });
    const error = await failure(ai.complete({ input: userText }));
    assert.equal(error.kind, 'unavailable');
    assert.equal(fake.requests.length, 2);
  });

  test('401 echoing the key -> auth, and the key is in no message or log', async () => {
    fake.mode = 'auth';
    const { ai, log } = makeAi();
    const error = await failure(ai.complete({ input: userText }));
    assert.equal(error.kind, 'auth');
    assert.equal(error.upstreamStatus, 401);
    assert.ok(!('cause' in error), 'no cause that could carry upstream text');
    for (const view of [error.message, error.stack ?? '', inspect(error, { depth: 10 }), JSON.stringify(error), log.text()]) {
      assertNoSentinel(view, 'auth error');
    }
    assert.match(log.text(), /"kind":"auth"/);
    assert.doesNotMatch(log.text(), new RegExp(userText), 'the prompt was logged');
  });

  test('429 -> rate_limited with the provider retry-after', async () => {
    fake.mode = 'rate_limited';
    fake.retryAfterSeconds = 7;
    const { ai } = makeAi();
    const error = await failure(ai.complete({ input: userText }));
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.retryAfterSeconds, 7);
  });

  test('a redirect is refused: the key never reaches the host a 3xx names', async () => {
    const elsewhere = await startFakeProvider();
    try {
      fake.mode = 'redirect';
      fake.redirectTo = elsewhere.url;
      const { ai } = makeAi({ AI_MAX_RETRIES: '0' });
      const error = await failure(ai.complete({ input: userText }));
      assert.ok(error.kind === 'unavailable' || error.kind === 'upstream', error.kind);
      assert.equal(fake.requests.length, 1);
      assert.equal(elsewhere.requests.length, 0, 'the redirect was followed, with the key');
    } finally {
      await elsewhere.close();
    }
  });

  test('a caller abort stops the request', async () => {
    fake.mode = 'slow';
    const { ai } = makeAi();
    const error = await failure(ai.complete({ input: userText, signal: AbortSignal.timeout(200) }));
    assert.equal(error.kind, 'timeout');
  });

  test('the SDK client is never reachable from the AI object or the logs', async () => {
    const { ai, log } = makeAi();
    await ai.complete({ input: userText });
    assertNoSentinel(inspect(ai, { depth: 20, showHidden: true }), 'inspect(ai)');
    assertNoSentinel(JSON.stringify(ai) ?? '', 'JSON of ai');
    assertNoSentinel(log.text(), 'logs');
    assert.deepEqual(Object.keys(await import('../src/ai/provider.ts')), ['createProvider']);
  });
});
