import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { AiError, ConfigError, createSecureAi } from '../src/index.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { providerShape } from './support/provider-shape.ts';
import { SENTINEL } from './support/sentinel.ts';

const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

test('createSecureAi() calls the provider through the hardened client', async () => {
  fake.reply = 'Hello from the fake provider.';
  const { ai } = createSecureAi({ ...fakeProviderEnv(fake), LOG_LEVEL: 'silent' });
  const { text } = await ai.complete({ input: 'Say hello' });
  assert.equal(text, 'Hello from the fake provider.');
  assert.equal(fake.requests.length, 1);
});

test('a missing key fails at startup with the variable named, never a value', () => {
  const env = { ...fakeProviderEnv(fake), [providerShape.keyEnv]: '', AI_TIMEOUT_MS: SENTINEL };
  assert.throws(
    () => createSecureAi(env),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.message.includes(providerShape.keyEnv) &&
      error.message.includes('AI_TIMEOUT_MS') &&
      !error.message.includes(SENTINEL),
  );
});

test('input is checked before any request', async () => {
  const { ai } = createSecureAi({ ...fakeProviderEnv(fake), LOG_LEVEL: 'silent' });
  await assert.rejects(ai.complete({ input: '' }), (error: unknown) => error instanceof AiError && error.kind === 'invalid_input');
  assert.equal(fake.requests.length, 0);
});
