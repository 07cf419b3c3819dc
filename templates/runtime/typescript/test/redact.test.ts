import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, redact, redactString } from '../src/log/redact.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const out = (value: unknown) => JSON.stringify(redact(value));

test('secret-named fields are replaced at any depth, whatever their case', () => {
  const value = {
    headers: { Authorization: 'x', 'X-Api-Key': 'x', 'api-key': 'x', Cookie: 'x', 'set-cookie': ['x'] },
    nested: { deeper: { OPENAI_API_KEY: 'x', apiKey: 'x', accessToken: 'x', clientSecret: 'x', password: 'x' } },
    list: [{ token: 'x' }],
  };
  const result = JSON.parse(out(value));
  assert.equal(result.headers.Authorization, REDACTED);
  assert.equal(result.headers['X-Api-Key'], REDACTED);
  assert.equal(result.headers['set-cookie'], REDACTED);
  assert.deepEqual(Object.values(result.nested.deeper), Array(5).fill(REDACTED));
  assert.equal(result.list[0].token, REDACTED);
});

test('the sentinel is removed at every path: field, header, text, array, error, Headers', () => {
  const error = new Error(`401 Incorrect API key provided: ${SENTINEL}`);
  const paths = {
    apiKey: SENTINEL,
    headers: { authorization: `Bearer ${SENTINEL}` },
    note: `the key is ${SENTINEL} ok`,
    bearer: `Bearer ${SENTINEL}`,
    list: [SENTINEL],
    deep: { a: { b: { c: { d: SENTINEL } } } },
    error,
    fetchHeaders: new Headers({ 'x-api-key': SENTINEL }),
    map: new Map([['value', SENTINEL]]),
  };
  assertNoSentinel(out(paths), 'redacted output');
});

test('other key shapes and long random tokens are replaced; ids and counters stay', () => {
  const anthropicLike = `sk-${'ant'}-api03-${'Ab1'.repeat(30)}`;
  const randomToken = 'Zq9'.repeat(14);
  assert.equal(redactString(anthropicLike), REDACTED);
  assert.equal(redactString(`token ${randomToken}`), `token ${REDACTED}`);
  const requestId = '0b3a1b6c-2f4e-4e8a-9a55-3f1b2c3d4e5f';
  assert.equal(redactString(requestId), requestId);
  assert.deepEqual(redact({ max_output_tokens: 1024, requestId }), { max_output_tokens: 1024, requestId });
});

test('known key shapes are replaced even when short or single-case', () => {
  for (const text of [`sk-${'proj'}-${'a1'.repeat(12)}`, 'Bearer abc.def-123', `gh${'p'}_${'x9'.repeat(10)}`]) {
    assert.equal(redactString(`see ${text} here`), `see ${REDACTED} here`, text.slice(0, 6));
  }
});

test('errors keep name and message, lose stack and upstream bodies', () => {
  const error = Object.assign(new Error('boom'), { status: 401, error: { secret: SENTINEL }, headers: {} });
  const result = redact(error) as Record<string, unknown>;
  assert.deepEqual(result, { name: 'Error', message: 'boom', status: 401 });
});

test('cycles and very deep values are safe', () => {
  const cyclic: Record<string, unknown> = { name: 'a' };
  cyclic['self'] = cyclic;
  assert.deepEqual(redact(cyclic), { name: 'a', self: '[Circular]' });
  let deep: Record<string, unknown> = {};
  const root = deep;
  for (let i = 0; i < 50; i += 1) deep = (deep['next'] = {}) as Record<string, unknown>;
  assert.match(out(root), /\[Truncated\]/);
  const shared = { x: 1 };
  assert.deepEqual(redact({ a: shared, b: shared }), { a: { x: 1 }, b: { x: 1 } });
});
