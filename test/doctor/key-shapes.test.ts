import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findKeys, isSecretName, looksRandom, maskKey } from '../../src/doctor/secrets/key-shapes.ts';
import { fakeKey } from '../support/doctor-repo.ts';

describe('key shapes', () => {
  test('every fake key of every shape is found, over many seeds (few missed real keys)', () => {
    const shapes = ['openai-project', 'openai-legacy', 'anthropic', 'google', 'groq', 'huggingface', 'sk-generic'] as const;
    for (const shape of shapes) for (let seed = 1; seed <= 300; seed += 1) assert.equal(findKeys(fakeKey(shape, seed)).length, 1, `${shape} seed ${seed}`);
  });

  test('placeholders, fillers and typed sequences are not random', () => {
    for (const token of ['your-key-here-0123456789', 'REPLACE_WITH_YOUR_KEY_123', 'xxxxxxxxxxxxxxxxxxxxxxxx', 'Ab1...Zz9...Ab1...Zz9...', '<your-api-key-goes-in-1>', 'abcdefghijklmnopqrstuvwxyz123456', '9876543210ZYXWVUTSRQPONM', 'aaaaaa1bbbbbbb2ccccccc3d', 'onlylowercaselettersandnodigits']) {
      assert.equal(looksRandom(token), false, token);
    }
  });

  test('a placeholder word inside random mixed case does not hide a key', () => {
    assert.equal(looksRandom('Q7hEre9ZkP2mXv4LbN8cRt1WyS5u'), true);
    assert.equal(looksRandom('Q7-here-9ZkP2mXv4LbN8cRt1WyS5u'), false);
  });

  test('masking keeps the prefix, the last four characters and the length only', () => {
    const key = fakeKey('openai-project', 5);
    assert.equal(maskKey(key, 'sk-proj-'), `sk-proj-…${key.slice(-4)} (164 chars)`);
    assert.equal(maskKey('sk-Ab3dEf6hIj9kLm2n', 'sk-'), 'sk-… (19 chars)', 'a short key shows no tail');
  });

  test('secret names', () => {
    for (const name of ['OPENAI_API_KEY', 'apiKey', 'x-api-key', 'HF_TOKEN', 'CLIENT_SECRET', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'SUPABASE_SERVICE_ROLE_KEY']) assert.equal(isSecretName(name), true, name);
    for (const name of ['MAX_TOKENS', 'NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'SUPABASE_ANON_KEY', 'MODEL', 'PORT', 'max_output_tokens', 'KEY_ID', 'token_type', 'tokenExpiresAt', 'TOKEN_ADDRESS']) assert.equal(isSecretName(name), false, name);
  });
});
